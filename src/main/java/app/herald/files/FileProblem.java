package app.herald.files;

/** A file Herald could not read or write, said in words a person can act on, with the file's name. */
public final class FileProblem extends RuntimeException {

    public FileProblem(String message) {
        super(message);
    }

    public FileProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
