package app.herald.contacts.csv;

import app.herald.contacts.SearchBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** H2's way: one prepared INSERT, a batch a part, the ids from its generated keys. */
final class BatchContactWriter implements ContactWriter {

    private final PreparedStatement insert;

    BatchContactWriter(Connection connection) throws SQLException {
        insert = connection.prepareStatement("""
                INSERT INTO contact (list_id, e164, name, first_name, last_name, extra, created_at)
                VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, CURRENT_TIMESTAMP))""", new String[] {"id"});
    }

    @Override
    public List<SearchBlock.Entry> write(long listId, List<ContactRow> part) throws SQLException {
        for (ContactRow row : part) {
            insert.setLong(1, listId);
            insert.setString(2, row.e164());
            insert.setString(3, row.name());
            insert.setString(4, row.firstName());
            insert.setString(5, row.lastName());
            insert.setString(6, row.extra());
            insert.setTimestamp(7, row.createdAt());
            insert.addBatch();
        }
        insert.executeBatch();
        List<SearchBlock.Entry> entries = new ArrayList<>(part.size());
        try (ResultSet ids = insert.getGeneratedKeys()) {
            for (ContactRow row : part) {
                if (!ids.next()) {
                    throw new SQLException("the database gave fewer ids than contacts written");
                }
                entries.add(new SearchBlock.Entry(ids.getLong(1), row.e164(), row.name()));
            }
        }
        return entries;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
