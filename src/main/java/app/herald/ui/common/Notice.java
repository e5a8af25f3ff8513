package app.herald.ui.common;

import app.herald.storage.StorageException;

/** A line a screen shows its person after something happened: what was done, or what went wrong. */
public record Notice(String text, boolean problem) {

    public static final Notice NONE = new Notice("", false);

    public Notice {
        text = text == null ? "" : text;
    }

    public static Notice info(String text) {
        return new Notice(text, false);
    }

    /** The message of a failure, in the words the core gave it. */
    public static Notice problem(Throwable failure) {
        String message = StorageException.placeWords(failure).orElse(failure.getMessage());
        return new Notice(message == null || message.isBlank() ? failure.toString() : message, true);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
