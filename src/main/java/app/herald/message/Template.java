package app.herald.message;

/** A saved message: its name and body, and the version it was read at (a save or delete is written only over that one). */
public record Template(long id, String name, String body, long version) {

    public Template {
        if (name == null || name.isBlank() || body == null) {
            throw new IllegalArgumentException("a template needs a name and a body");
        }
    }
}
