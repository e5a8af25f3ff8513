package app.herald.broadcast;

import app.herald.storage.CsvCopy;
import app.herald.storage.Engine;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Where the planner's snapshot rows go, a transaction's worth at a time: on H2 a batch of INSERTs,
 * on PostgreSQL a COPY (a million recipients by pgjdbc's batches took 24 s of a 32 s send,
 * BENCHMARKS.md).
 */
interface RecipientRows extends AutoCloseable {

    static RecipientRows of(Handle handle) throws SQLException {
        Connection connection = handle.getConnection();
        return Engine.of(handle.getJdbi()) == Engine.POSTGRESQL ? new Copied(connection) : new Inserted(connection);
    }

    /**
     * @param state null for a Notify recipient, whose state is its batch's
     * @param body  the recipient's own text, or null when they get the broadcast's body
     */
    void add(long broadcastId, String e164, int batchNo, SendState state, String name, String body) throws SQLException;

    /** Hands what was added to the database, in the connection's open transaction. */
    void write() throws SQLException, IOException;

    @Override
    void close() throws SQLException;

    /** H2's way. */
    final class Inserted implements RecipientRows {

        private final PreparedStatement insert;

        Inserted(Connection connection) throws SQLException {
            insert = connection.prepareStatement("""
                    INSERT INTO broadcast_recipient (broadcast_id, e164, batch_no, state, name, body)
                    VALUES (?, ?, ?, ?, ?, ?)""");
        }

        @Override
        public void add(long broadcastId, String e164, int batchNo, SendState state, String name, String body)
                throws SQLException {
            insert.setLong(1, broadcastId);
            insert.setString(2, e164);
            insert.setInt(3, batchNo);
            insert.setString(4, state == null ? null : state.name());
            insert.setString(5, name);
            insert.setString(6, body);
            insert.addBatch();
        }

        @Override
        public void write() throws SQLException {
            insert.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /** PostgreSQL's way: what was added kept until the write, which is one COPY. */
    final class Copied implements RecipientRows {

        private static final List<String> COLUMNS = List.of("broadcast_id", "e164", "batch_no", "state", "name", "body");

        private final Connection connection;
        private final List<String[]> rows = new ArrayList<>();

        Copied(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void add(long broadcastId, String e164, int batchNo, SendState state, String name, String body) {
            rows.add(new String[] {Long.toString(broadcastId), e164, Integer.toString(batchNo),
                    state == null ? null : state.name(), name, body});
        }

        @Override
        public void write() throws SQLException, IOException {
            try (CsvCopy copy = CsvCopy.into(connection, "broadcast_recipient", COLUMNS)) {
                for (String[] row : rows) {
                    for (String value : row) {
                        copy.value(value);
                    }
                    copy.endRow();
                }
            }
            rows.clear();
        }

        @Override
        public void close() {
            rows.clear();
        }
    }
}
