package app.herald.bench;

import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.TestBroadcasts;
import app.herald.concurrent.NamedExecutors;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.twilio.TwilioConnections;
import app.herald.ui.common.Tasks;
import app.herald.ui.send.SendDialogs;
import app.herald.ui.send.SendViewModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jdbi.v3.core.Jdbi;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lists sent through the real send dialog (headless, on Monocle), through either channel, with the
 * FX thread probed: how long the window could freeze meanwhile.
 */
final class SendDialogBenchmark {

    /** A list to send through the dialog, and the Twilio it goes to, named in the figures. */
    record DialogSend(String twilio, long listId, Supplier<TwilioConnections> connections) {

        /** To the simulator embedded in this JVM, as Herald in SIMULATION sends. */
        static DialogSend embedded(long listId, ChannelKind channel) {
            return new DialogSend("to the simulator in this JVM", listId,
                    () -> new TwilioConnections(TwilioChoice.simulation(channel), Map.of()));
        }
    }

    private SendDialogBenchmark() {
    }

    /** Each list in turn, each through a send dialog of its own. */
    static void run(Jdbi jdbi, ChannelKind channel, List<DialogSend> sends) throws Exception {
        Platform.startup(() -> { });
        // the windows of one list are closed before the next list's open: JavaFX stays up meanwhile
        Platform.setImplicitExit(false);
        ExecutorService workers = NamedExecutors.fixedPool("bench-worker", 2);
        ExecutorService sender = NamedExecutors.fixedPool("bench-sender", 1);
        Tasks tasks = new Tasks(workers, Platform::runLater);
        ResourceBundle bundle = ResourceBundle.getBundle("app.herald.ui.messages");
        try {
            for (DialogSend send : sends) {
                try (TwilioConnections twilio = send.connections().get()) {
                    sendThroughTheDialog(TestBroadcasts.service(jdbi, twilio), channel, send, tasks, sender, bundle);
                }
            }
        } finally {
            sender.shutdown();
            workers.shutdown();
            Platform.exit();
        }
    }

    private static void sendThroughTheDialog(BroadcastService broadcasts, ChannelKind channel, DialogSend send, Tasks tasks,
            ExecutorService sender, ResourceBundle bundle) throws Exception {
        AtomicReference<SendViewModel> viewModel = new AtomicReference<>();
        var quote = broadcasts.quote("School closes at noon", List.of(send.listId()), false);
        Stage composer = showAListOfLists();
        WaitForAsyncUtils.asyncFx(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 1100, 720));
            owner.show();
            composer.close();
            new SendDialogs(confirmed -> {
                viewModel.set(new SendViewModel(confirmed, Optional::empty, Optional.empty(), broadcasts, tasks, sender,
                        Platform::runLater, System::nanoTime, bundle));
                return viewModel.get();
            }, bundle, List.of()).open(owner, quote);
        }).get();
        while (viewModel.get() == null) {
            Thread.sleep(20);
        }
        // the garbage of what ran before goes now, not in the middle of the run the probe measures
        System.gc();
        settle();
        try (FxThreadProbe probe = new FxThreadProbe()) {
            long start = System.nanoTime();
            boolean sent = WaitForAsyncUtils.asyncFx(() -> {
                // as the person ticks for a LIVE send that real messages go out
                viewModel.get().liveConfirmedProperty().set(true);
                boolean canSend = viewModel.get().canSendBinding().get();
                viewModel.get().send();
                return canSend;
            }).get();
            if (!sent) {
                throw new IllegalStateException("the send dialog would not send " + send.twilio());
            }
            while (viewModel.get().phaseProperty().get() != SendViewModel.Phase.DONE) {
                Thread.sleep(20);
            }
            long end = System.nanoTime();
            settle();
            System.out.printf("through the send dialog (plan + send, %s, %s): %6.2f s (%s)%n", channel.label(), send.twilio(),
                    (end - start) / 1e9, viewModel.get().outcomeProperty().get());
            System.out.printf("  FX thread while planning and sending: %s%n", probe.summary(start, end));
        }
        // the next list gets windows of their own: these would be painted beside them
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get();
    }

    /**
     * A real send dialog opens from the composer, whose list of lists has made list cells before:
     * without one shown first, the dialog's event list made the JVM's first list cells while the
     * send began (a 115 ms layout pass, the pulse logger showed). The caller closes it again, so that
     * it is not painted beside the dialog in Monocle's software renderer.
     */
    private static Stage showAListOfLists() throws InterruptedException, ExecutionException {
        Stage composer = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new ListView<>(FXCollections.observableArrayList(
                    "Everyone", "Parents", "Staff"))), 400, 300));
            stage.show();
            return stage;
        }).get();
        settle();
        return composer;
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(1_000);
        CountDownLatch idle = new CountDownLatch(1);
        Platform.runLater(idle::countDown);
        idle.await();
    }
}
