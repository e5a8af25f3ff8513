package app.herald.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void successRunsOnSuccessThenAndFinally() {
        List<String> calls = new ArrayList<>();

        SameThreadTasks.create().run(() -> 42)
                .onSuccess(result -> calls.add("success " + result))
                .onError(e -> calls.add("error"))
                .andFinally(() -> calls.add("finally"))
                .start();

        assertThat(calls).containsExactly("success 42", "finally");
    }

    /** A screen's timer may still fire while Herald closes: the work is not started, and nothing throws. */
    @Test
    void workAskedForOnceTheWorkersStoppedIsNotStarted() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        List<String> calls = new ArrayList<>();

        new Tasks(stopped, Runnable::run).run(() -> calls.add("work"))
                .onSuccess(result -> calls.add("success"))
                .andFinally(() -> calls.add("finally"))
                .start();

        assertThat(calls).isEmpty();
    }

    @Test
    void failureRunsOnErrorThenAndFinally() {
        List<String> calls = new ArrayList<>();

        SameThreadTasks.create().run(() -> {
                    throw new IllegalStateException("disk full");
                })
                .onSuccess(result -> calls.add("success"))
                .onError(e -> calls.add("error " + e.getMessage()))
                .andFinally(() -> calls.add("finally"))
                .start();

        assertThat(calls).containsExactly("error disk full", "finally");
    }

    @Test
    void nothingRunsBeforeStart() {
        List<String> calls = new ArrayList<>();

        SameThreadTasks.create().run(() -> calls.add("work")).andFinally(() -> calls.add("finally"));

        assertThat(calls).isEmpty();
    }

    @Test
    void workRunsOnTheWorkerAndCallbacksOnTheUiExecutor() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "worker"));
        ExecutorService ui = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "ui"));
        BlockingQueue<String> threads = new ArrayBlockingQueue<>(3);
        try {
            new Tasks(worker, ui).run(() -> threads.add("work on " + Thread.currentThread().getName()))
                    .onSuccess(result -> threads.add("success on " + Thread.currentThread().getName()))
                    .andFinally(() -> threads.add("finally on " + Thread.currentThread().getName()))
                    .start();

            assertThat(List.of(poll(threads), poll(threads), poll(threads)))
                    .containsExactly("work on worker", "success on ui", "finally on ui");
        } finally {
            worker.shutdownNow();
            ui.shutdownNow();
        }
    }

    private static String poll(BlockingQueue<String> queue) throws InterruptedException {
        return queue.poll(10, TimeUnit.SECONDS);
    }
}
