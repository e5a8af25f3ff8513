package app.herald.message;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Saved messages. A save under the name of a template the person sees replaces that template's
 * body, and a delete removes it, only if nobody (another desktop) changed it since it was read;
 * a save under a new name adds one, unless someone else took that name meanwhile.
 */
public final class Templates {

    /** The SQL state both H2 and PostgreSQL give a broken unique constraint: here, the name (ignoring case). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public Templates(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Template> all() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, name, body, version FROM message_template ORDER BY LOWER(name), name""")
                .map((rs, ctx) -> new Template(rs.getLong("id"), rs.getString("name"), rs.getString("body"), rs.getLong("version")))
                .list());
    }

    /**
     * Saves {@code body} under {@code name}: over {@code replacing} (the template of that name as the
     * person read it), or as a new template when the person saw none of that name.
     *
     * @throws TemplateException when the name is empty, the body longer than Twilio takes, the template
     *                           changed or went meanwhile, or a new name was taken meanwhile
     */
    public void save(String name, String body, Optional<Template> replacing) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new TemplateException("A template needs a name of 1 to 200 characters.");
        }
        if (MessageAnalyser.analyse(body).tooLong()) {
            throw new TemplateException("A message can have at most " + MessageAnalysis.MAX_BODY_CHARACTERS + " characters.");
        }
        if (replacing.isPresent()) {
            replace(replacing.get(), body);
        } else {
            add(clean, body);
        }
    }

    private void replace(Template read, String body) {
        int written = jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE message_template SET body = :body, updated_at = CURRENT_TIMESTAMP, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bind("body", body).bind("id", read.id()).bind("version", read.version()).execute());
        if (written == 0) {
            throw new TemplateException("Someone else changed or deleted the template \u201c" + read.name()
                    + "\u201d since you opened it, so your text was not saved. Look at the templates again, then save.");
        }
    }

    private void add(String name, String body) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO message_template (name, body) VALUES (:name, :body)")
                    .bind("name", name).bind("body", body).execute());
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState()))) {
                throw e;
            }
            throw new TemplateException("Someone else saved a template named \u201c" + name
                    + "\u201d since you opened the templates, so yours was not saved. Look at theirs, or save under another name.");
        }
    }

    /**
     * Deletes the template as the person read it; one someone else deleted meanwhile is gone all the same.
     *
     * @throws TemplateException when someone else changed it meanwhile (their text is kept)
     */
    public void delete(Template read) {
        jdbi.useTransaction(handle -> {
            int deleted = handle.createUpdate("DELETE FROM message_template WHERE id = :id AND version = :version")
                    .bind("id", read.id()).bind("version", read.version()).execute();
            boolean changed = deleted == 0 && handle.createQuery("SELECT COUNT(*) FROM message_template WHERE id = :id")
                    .bind("id", read.id()).mapTo(Long.class).one() > 0;
            if (changed) {
                throw new TemplateException("Someone else changed the template \u201c" + read.name()
                        + "\u201d since you opened it, so it was not deleted. Look at their text, then delete it if you"
                        + " still want to.");
            }
        });
    }
}
