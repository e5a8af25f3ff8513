package app.herald.contacts.csv;

import app.herald.contacts.SearchBlock;
import app.herald.storage.CsvCopy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's way: the part's ids taken from the contact table's own sequence first (in order),
 * then the rows streamed with COPY, ids and all, as CSV.
 */
final class CopyContactWriter implements ContactWriter {

    private static final List<String> COLUMNS = List.of("id", "list_id", "e164", "name", "first_name", "last_name", "extra",
            "created_at");

    private final Connection connection;
    private final PreparedStatement ids;

    CopyContactWriter(Connection connection) throws SQLException {
        this.connection = connection;
        // the sequence found once: named by pg_get_serial_sequence inside the query, it was looked up in
        // the catalogue for every id, 5 of the server's 17 s of CPU in a million-row import
        ids = connection.prepareStatement("SELECT nextval(CAST(CAST(" + contactIdSequence(connection)
                + " AS oid) AS regclass)) FROM generate_series(1, ?) ORDER BY 1");
    }

    /** The sequence's object id: a number, so it goes into the statement as it is. */
    private static long contactIdSequence(Connection connection) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT CAST(CAST(pg_get_serial_sequence('contact', 'id') AS regclass) AS oid)");
             ResultSet found = find.executeQuery()) {
            if (!found.next() || found.getObject(1) == null) {
                throw new SQLException("the contact table has no sequence for its ids");
            }
            return found.getLong(1);
        }
    }

    @Override
    public List<SearchBlock.Entry> write(long listId, List<ContactRow> part) throws SQLException, IOException {
        List<SearchBlock.Entry> entries = new ArrayList<>(part.size());
        ids.setInt(1, part.size());
        try (ResultSet given = ids.executeQuery()) {
            for (ContactRow row : part) {
                if (!given.next()) {
                    throw new SQLException("the database gave fewer ids than contacts to write");
                }
                entries.add(new SearchBlock.Entry(given.getLong(1), row.e164(), row.name()));
            }
        }
        String now = Instant.now().toString();
        try (CsvCopy copy = CsvCopy.into(connection, "contact", COLUMNS)) {
            for (int i = 0; i < part.size(); i++) {
                ContactRow row = part.get(i);
                copy.value(entries.get(i).id()).value(listId).value(row.e164()).value(row.name()).value(row.firstName())
                        .value(row.lastName()).value(row.extra())
                        .value(row.createdAt() == null ? now : row.createdAt().toInstant().toString())
                        .endRow();
            }
        }
        return entries;
    }

    @Override
    public void close() throws SQLException {
        ids.close();
    }
}
