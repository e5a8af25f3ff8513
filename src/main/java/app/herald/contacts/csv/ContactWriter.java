package app.herald.contacts.csv;

import app.herald.contacts.SearchBlock;
import app.herald.storage.Engine;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes an import's contacts, a part at a time, in the transaction the importer holds, and says
 * which id each got (the list's search blocks keep them): on H2 a batch of INSERTs, on PostgreSQL
 * a COPY, which pgjdbc's batches of INSERTs are several times slower than.
 */
interface ContactWriter extends AutoCloseable {

    static ContactWriter of(Handle handle) throws SQLException {
        return Engine.of(handle.getJdbi()) == Engine.POSTGRESQL ? new CopyContactWriter(handle.getConnection())
                : new BatchContactWriter(handle.getConnection());
    }

    /** @return the rows as the list's search keeps them, with their new ids, in the order given */
    List<SearchBlock.Entry> write(long listId, List<ContactRow> part) throws SQLException, IOException;

    @Override
    void close() throws SQLException;
}
