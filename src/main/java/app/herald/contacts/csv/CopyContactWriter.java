package app.herald.contacts.csv;

import app.herald.contacts.SearchBlock;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL's way: the part's ids taken from the contact table's own sequence first (in order),
 * then the rows streamed with COPY, ids and all, as CSV.
 */
final class CopyContactWriter implements ContactWriter {

    private static final String COPY = "COPY contact (id, list_id, e164, name, first_name, last_name, extra, created_at)"
            + " FROM STDIN (FORMAT csv)";

    private final CopyManager copies;
    private final PreparedStatement ids;

    CopyContactWriter(Connection connection) throws SQLException {
        copies = connection.unwrap(PGConnection.class).getCopyAPI();
        ids = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('contact', 'id')) FROM generate_series(1, ?) ORDER BY 1");
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
        try (Writer out = new OutputStreamWriter(new PGCopyOutputStream(copies.copyIn(COPY)), StandardCharsets.UTF_8)) {
            for (int i = 0; i < part.size(); i++) {
                ContactRow row = part.get(i);
                out.write(Long.toString(entries.get(i).id()));
                out.write(',');
                out.write(Long.toString(listId));
                out.write(',');
                out.write(row.e164());
                field(out, row.name());
                field(out, row.firstName());
                field(out, row.lastName());
                field(out, row.extra());
                out.write(',');
                out.write(row.createdAt() == null ? now : row.createdAt().toInstant().toString());
                out.write('\n');
            }
        }
        return entries;
    }

    /** A comma, then the value quoted (a quote in it doubled), or nothing at all for none: CSV's NULL. */
    private static void field(Writer out, String value) throws IOException {
        out.write(',');
        if (value != null) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        }
    }

    @Override
    public void close() throws SQLException {
        ids.close();
    }
}
