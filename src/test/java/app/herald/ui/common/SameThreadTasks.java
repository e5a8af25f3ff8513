package app.herald.ui.common;

/** Background work for tests: runs the work and its callbacks at once, in the caller's thread. */
public final class SameThreadTasks {

    private SameThreadTasks() {
    }

    public static Tasks create() {
        return new Tasks(Runnable::run, Runnable::run);
    }
}
