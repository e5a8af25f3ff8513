package app.herald.contacts.csv;

/** A file Herald cannot import as it is; the message says why and what to do, in plain words. */
public final class ImportProblem extends RuntimeException {

    public ImportProblem(String message) {
        super(message);
    }

    public ImportProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
