package app.herald.contacts.csv;

import java.sql.Timestamp;

/** A contact on its way into an import's hidden list: one the list had keeps its date, a new one has none yet. */
record ContactRow(String e164, String name, String firstName, String lastName, String extra, Timestamp createdAt) {

    /** The {@code i}th new contact of a chunk the file gave. */
    static ContactRow read(RowReader.Chunk chunk, int i) {
        RowReader.Kept kept = chunk.kept(i);
        return new ContactRow(chunk.e164(i), kept.name(), kept.firstName(), kept.lastName(), kept.extra(), null);
    }
}
