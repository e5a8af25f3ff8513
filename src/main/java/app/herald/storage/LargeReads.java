package app.herald.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * How Herald reads a million rows without holding them: each engine hands them over as they are
 * read. H2 otherwise computes the whole result before the first row (1.5 s of a 2 s read of a
 * million recipients, with the planner's writer waiting); PostgreSQL's driver otherwise sends
 * every row to the desktop's memory at once, and streams them only through a cursor, which needs a
 * transaction.
 */
public final class LargeReads {

    /** Rows PostgreSQL sends at a time. */
    private static final int ROWS_AT_A_TIME = 1_000;

    private static final StatementCustomizer FETCH_SIZE = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            statement.setFetchSize(ROWS_AT_A_TIME);
        }
    };

    private LargeReads() {
    }

    /** Runs {@code read}, whose queries then stream their rows, in a read's transaction of its own. */
    public static <X extends Exception> void stream(Jdbi jdbi, HandleConsumer<X> read) throws X {
        jdbi.useTransaction(handle -> {
            handle.addCustomizer(FETCH_SIZE);
            boolean h2 = Engine.of(jdbi) == Engine.H2;
            if (h2) {
                handle.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try {
                read.useHandle(handle);
            } finally {
                // the connection goes back to the pool as it came
                if (h2) {
                    handle.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
    }
}
