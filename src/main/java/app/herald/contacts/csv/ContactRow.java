package app.herald.contacts.csv;

import java.sql.Timestamp;

/** A contact on its way into an import's hidden list: one the list had keeps its date, a new one has none yet. */
record ContactRow(String e164, String name, String firstName, String lastName, String extra, Timestamp createdAt) {
}
