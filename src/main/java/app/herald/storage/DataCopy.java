package app.herald.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies this computer's data (the H2 file) into an empty shared PostgreSQL database: lists,
 * contacts, opt-outs, templates, every broadcast with its recipients, journal and replies. All or
 * nothing: one PostgreSQL transaction, each table streamed with COPY; a failure anywhere leaves the
 * shared database as empty as it was. The two schemas are the same column for column
 * (SharedDatabaseTest), and the ids stay what they were, so "broadcast 12" is still broadcast 12.
 */
public final class DataCopy {

    /** Parents before children, so every foreign key finds its row. */
    private static final List<String> TABLES = List.of("recipient_list", "contact", "contact_search_block", "opt_out",
            "message_template", "broadcast", "broadcast_recipient", "batch", "reply", "status_check");
    /** The tables whose ids PostgreSQL hands out: it goes on after the highest copied. */
    private static final List<String> WITH_IDENTITY = List.of("recipient_list", "contact", "message_template", "broadcast");
    private static final int PROGRESS_EVERY = 10_000;

    /** How far the copy is: rows copied of all there are. */
    public interface Progress {
        void copied(long rows, long of);
    }

    private DataCopy() {
    }

    /**
     * Sets the shared database up (when Herald never has) and copies into it; slow: not on the UI thread.
     *
     * @return how many rows were copied
     * @throws IllegalArgumentException when the shared database already holds data: nothing is copied
     */
    public static long copy(Jdbi from, SharedServer to, Progress progress) {
        try (Database shared = Database.open(to)) {
            long copied = copy(from, shared, progress);
            // fresh statistics: without them a page of a million-contact list took 0.3 s, not 3 ms (BENCHMARKS.md)
            shared.jdbi().useHandle(handle -> handle.execute("ANALYZE"));
            return copied;
        }
    }

    private static long copy(Jdbi from, Database to, Progress progress) {
        Objects.requireNonNull(progress);
        if (to.engine() != Engine.POSTGRESQL || Engine.of(from) != Engine.H2) {
            throw new IllegalArgumentException("Herald copies this computer's data to a shared server, not the other way.");
        }
        requireEmpty(to);
        Map<String, Long> counts = counts(from);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        try {
            return from.withHandle(source -> to.jdbi().inTransaction(target -> {
                long copied = 0;
                progress.copied(0, total);
                for (String table : TABLES) {
                    copied = copyTable(source.getConnection(), target.getConnection(), table, copied, total, progress);
                }
                for (String table : WITH_IDENTITY) {
                    target.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE(MAX(id), 0) + 1,"
                            + " false) FROM " + table);
                }
                return copied;
            }));
        } catch (Exception e) {
            throw new StorageException(StorageException.Reason.UNREADABLE, "Herald could not copy its data to the shared"
                    + " database (" + DatabaseFile.firstLine(e.getMessage()) + "). Nothing was copied: the shared database is"
                    + " as empty as it was, and this computer's data is as it was.", e);
        }
    }

    private static void requireEmpty(Database to) {
        Map<String, Long> there = counts(to.jdbi());
        long lists = there.get("recipient_list");
        long broadcasts = there.get("broadcast");
        if (there.values().stream().anyMatch(count -> count > 0)) {
            throw new IllegalArgumentException("The shared database already holds Herald's data (" + lists
                    + (lists == 1 ? " list, " : " lists, ") + broadcasts + (broadcasts == 1 ? " broadcast" : " broadcasts")
                    + "). Herald copies this computer's data only into an empty one, so that"
                    + " nothing there is mixed with it or lost.");
        }
    }

    private static Map<String, Long> counts(Jdbi jdbi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(handle -> TABLES.forEach(table -> counts.put(table,
                handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one())));
        return counts;
    }

    private static long copyTable(Connection source, Connection target, String table, long copiedBefore, long total,
            Progress progress) throws SQLException, IOException {
        long copied = copiedBefore;
        try (Statement read = source.createStatement(); ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase());
            }
            try (CsvCopy copy = CsvCopy.into(target, table, names)) {
                while (rows.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        copy.value(text(rows, i, columns.getColumnType(i)));
                    }
                    copy.endRow();
                    if (++copied % PROGRESS_EVERY == 0) {
                        progress.copied(copied, total);
                    }
                }
            }
        }
        progress.copied(copied, total);
        return copied;
    }

    /** One value as PostgreSQL's CSV takes it: bytes as bytea's hex, anything else as its text. */
    private static String text(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.VARBINARY || type == Types.BINARY || type == Types.BLOB || type == Types.LONGVARBINARY) {
            byte[] bytes = rows.getBytes(column);
            return bytes == null ? null : "\\x" + HexFormat.of().formatHex(bytes);
        }
        return rows.getString(column);
    }
}
