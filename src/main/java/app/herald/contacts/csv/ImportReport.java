package app.herald.contacts.csv;

import java.util.List;

/**
 * What an import did. {@code imported} numbers were added (of them {@code optedOut} are on the
 * opt-out list: kept, marked, never sent to); {@code duplicates} were already in the file or the
 * list; {@code invalid} could not be used and {@code landlines} were left out by choice, both
 * listed in {@code rejected} (at most {@link #MAX_REJECTED_LISTED} of them).
 */
public record ImportReport(long rows, long imported, long duplicates, long invalid, long landlines, long optedOut,
        List<RejectedRow> rejected) {

    public static final int MAX_REJECTED_LISTED = 100_000;

    public ImportReport {
        rejected = List.copyOf(rejected);
        if (imported < 0 || duplicates < 0 || invalid < 0 || landlines < 0 || optedOut < 0 || optedOut > imported) {
            throw new IllegalArgumentException("impossible import counts");
        }
    }

    /** True when more rows were rejected than are listed. */
    public boolean rejectedListCut() {
        return rejected.size() < invalid + landlines;
    }
}
