package app.herald.message;

/** A template that cannot be saved or deleted as asked (a name too long, a template someone else changed); the message says why. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
