package app.herald.message;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Saved messages: saving under a name that exists replaces that template's body. */
public final class Templates {

    private final Jdbi jdbi;

    public Templates(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Template> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, body FROM message_template ORDER BY LOWER(name), name")
                .map((rs, ctx) -> new Template(rs.getLong("id"), rs.getString("name"), rs.getString("body")))
                .list());
    }

    /** @throws IllegalArgumentException when the name is empty or the body is longer than Twilio takes */
    public void save(String name, String body) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("A template needs a name of 1 to 200 characters.");
        }
        if (MessageAnalyser.analyse(body).tooLong()) {
            throw new IllegalArgumentException("A message can have at most " + MessageAnalysis.MAX_BODY_CHARACTERS
                    + " characters.");
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        MERGE INTO message_template t USING (VALUES (CAST(:name AS VARCHAR(200)))) AS n(name)
                        ON LOWER(t.name) = LOWER(n.name)
                        WHEN MATCHED THEN UPDATE SET body = :body, updated_at = CURRENT_TIMESTAMP, version = t.version + 1
                        WHEN NOT MATCHED THEN INSERT (name, body) VALUES (:name, :body)""")
                .bind("name", clean).bind("body", body).execute());
    }

    public void delete(long id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM message_template WHERE id = :id").bind("id", id).execute());
    }
}
