package app.herald.storage;

import org.jdbi.v3.core.Jdbi;

/**
 * How Herald writes or deletes many rows: on H2, in transactions small enough that H2 holds each
 * whole in memory until its commit, so no crash can tear one.
 */
public final class BulkWrites {

    /**
     * Rows per committed transaction. H2 2.5 tore the commit of a very large one when the process
     * died during it, and at 10,000 rows a kill left an index disagreeing with its table twice in
     * about 75 kills of ImportCrashTest (once with H2's write delay lifted). H2 writes a
     * transaction's changes before its commit once they pass its 1 MB write buffer; rolling those
     * back after a crash is where it seems to go wrong (a likely cause, not a proven one). A
     * thousand rows stay well under that buffer, and cost nothing measurable against 10,000
     * (BENCHMARKS.md).
     */
    public static final int ROWS_PER_TRANSACTION = 1_000;

    private BulkWrites() {
    }

    /**
     * Deletes every row of {@code table} whose {@code column} is {@code value}, a bounded
     * transaction at a time: whatever a crash interrupts, what is left is whole rows.
     */
    public static void deleteAll(Jdbi jdbi, String table, String column, long value) {
        deleteAll(jdbi, table, column, value, ROWS_PER_TRANSACTION);
    }

    /** {@link #deleteAll(Jdbi, String, String, long)} of rows larger than most, fewer a transaction. */
    public static void deleteAll(Jdbi jdbi, String table, String column, long value, int rowsPerTransaction) {
        if (Engine.of(jdbi) == Engine.POSTGRESQL) {
            // PostgreSQL commits one transaction of any size whole or not at all
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM " + table + " WHERE " + column + " = :value")
                    .bind("value", value).execute());
            return;
        }
        String delete = "DELETE FROM " + table + " WHERE " + column + " = :value FETCH FIRST " + rowsPerTransaction
                + " ROWS ONLY";
        int deleted;
        do {
            deleted = jdbi.withHandle(handle -> handle.createUpdate(delete).bind("value", value).execute());
        } while (deleted > 0);
    }
}
