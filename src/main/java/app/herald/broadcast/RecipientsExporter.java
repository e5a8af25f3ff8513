package app.herald.broadcast;

import app.herald.contacts.csv.SpreadsheetCsv;
import java.nio.file.Path;
import java.util.List;

/** A broadcast's recipients with how each message ended, as a CSV for Excel: those a search and a filter let through. */
public final class RecipientsExporter {

    /** Read and written so many at a time: a million recipients never sit in memory at once. */
    private static final int PAGE = 10_000;

    private final BroadcastRecipients recipients;

    public RecipientsExporter(BroadcastRecipients recipients) {
        this.recipients = recipients;
    }

    /** @return how many recipients were written */
    public long export(long broadcastId, String search, RecipientFilter filter, Path target) {
        return SpreadsheetCsv.write(target, printer -> {
            long rows = 0;
            RecipientOutcome last = null;
            while (true) {
                List<RecipientOutcome> page = recipients.page(broadcastId, last, search, filter, PAGE);
                for (RecipientOutcome recipient : page) {
                    printer.printRecord(recipient.e164(), SpreadsheetCsv.neutralise(recipient.name()), recipient.state(),
                            recipient.sid(), recipient.status(), recipient.errorCode(),
                            SpreadsheetCsv.neutralise(recipient.errorMessage()), recipient.matched() ? "matched from Twilio's log" : "");
                    rows++;
                }
                if (page.size() < PAGE) {
                    return rows;
                }
                last = page.get(page.size() - 1);
            }
        }, "number", "name", "state", "sid", "status", "error_code", "error", "status_from");
    }
}
