package app.herald.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's one idiom for background work: the work runs on the worker executor, and its
 * {@code onSuccess} / {@code onError} / {@code andFinally} callbacks run on the UI executor
 * (the FX thread in the app; the caller's thread in tests, which makes them deterministic).
 *
 * <pre>{@code
 * tasks.run(() -> Storage.open(folder))
 *      .onSuccess(viewModel::storageOpened)
 *      .onError(viewModel::storageFailed)
 *      .start();
 * }</pre>
 */
public final class Tasks {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final Executor worker;
    private final Executor uiThread;

    public Tasks(Executor worker, Executor uiThread) {
        this.worker = Objects.requireNonNull(worker);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    public <T> Builder<T> run(Callable<T> work) {
        return new Builder<>(Objects.requireNonNull(work));
    }

    /** Describes one piece of work; nothing runs before {@link #start()}. */
    public final class Builder<T> {

        private final Callable<T> work;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<Throwable> onError = e -> LOG.error("Background work failed", e);
        private Runnable andFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<? super T> callback) {
            this.onSuccess = Objects.requireNonNull(callback);
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> callback) {
            this.onError = Objects.requireNonNull(callback);
            return this;
        }

        public Builder<T> andFinally(Runnable callback) {
            this.andFinally = Objects.requireNonNull(callback);
            return this;
        }

        public void start() {
            try {
                worker.execute(this::runWork);
            } catch (RejectedExecutionException e) {
                // Herald is closing and its workers take nothing more: a screen's late timer or event asked
                // for work nobody waits for any longer
                LOG.debug("Background work asked for while Herald closes: not started", e);
            }
        }

        private void runWork() {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                LOG.debug("Background work failed", e);
                uiThread.execute(() -> finish(() -> onError.accept(e)));
                return;
            }
            uiThread.execute(() -> finish(() -> onSuccess.accept(result)));
        }

        private void finish(Runnable callback) {
            try {
                callback.run();
            } finally {
                andFinally.run();
            }
        }
    }
}
