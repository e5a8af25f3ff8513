package app.herald.message;

/** A saved message: its name and body. */
public record Template(long id, String name, String body) {

    public Template {
        if (name == null || name.isBlank() || body == null) {
            throw new IllegalArgumentException("a template needs a name and a body");
        }
    }
}
