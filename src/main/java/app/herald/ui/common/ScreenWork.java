package app.herald.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The changes a screen makes in the background: the screen is busy while one runs, and what
 * happened (or why it failed) becomes the screen's notice.
 */
public final class ScreenWork {

    private final Tasks tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);

    public ScreenWork(Tasks tasks) {
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Runs {@code change} off the FX thread, then {@code done} with its result on it. */
    public <T> void change(Callable<T> change, Consumer<T> done) {
        busy.set(true);
        tasks.run(change)
                .onSuccess(done)
                .onError(problem -> notice.set(Notice.problem(problem)))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Reads in the background without making the screen busy; a failure becomes the notice. */
    public <T> void read(Callable<T> read, Consumer<T> done) {
        tasks.run(read)
                .onSuccess(done)
                .onError(problem -> notice.set(Notice.problem(problem)))
                .start();
    }

    public void tell(Notice newNotice) {
        notice.set(Objects.requireNonNull(newNotice));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
