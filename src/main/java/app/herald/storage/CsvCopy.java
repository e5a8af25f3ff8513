package app.herald.storage;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into a PostgreSQL table by {@code COPY … FROM STDIN} as CSV, in the connection's
 * open transaction: several times faster than pgjdbc's batches of INSERTs (BENCHMARKS.md). Every
 * value is quoted (a quote in it doubled), which PostgreSQL reads for any column type; null is
 * written as nothing at all, CSV's NULL. The copy ends when it is closed, and until then the
 * connection can run nothing else.
 */
public final class CsvCopy implements AutoCloseable {

    private final Writer out;
    private boolean inRow;

    private CsvCopy(Writer out) {
        this.out = out;
    }

    public static CsvCopy into(Connection connection, String table, List<String> columns) throws SQLException {
        return new CsvCopy(new OutputStreamWriter(new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)")),
                StandardCharsets.UTF_8));
    }

    /** The row's next value; null for none. */
    public CsvCopy value(String value) throws IOException {
        if (inRow) {
            out.write(',');
        }
        inRow = true;
        if (value != null) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        }
        return this;
    }

    public CsvCopy value(long value) throws IOException {
        return value(Long.toString(value));
    }

    public void endRow() throws IOException {
        out.write('\n');
        inRow = false;
    }

    /** Ends the copy: PostgreSQL has the rows, in the transaction. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
