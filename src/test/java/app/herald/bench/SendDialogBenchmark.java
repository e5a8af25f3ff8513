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
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A list sent through the real send dialog (headless, on Monocle) to the embedded simulator,
 * through either channel, with the FX thread probed: how long the window could freeze meanwhile.
 */
final class SendDialogBenchmark {

    private SendDialogBenchmark() {
    }

    static void run(Jdbi jdbi, long listId, ChannelKind channel) throws Exception {
        Platform.startup(() -> { });
        ExecutorService workers = NamedExecutors.fixedPool("bench-worker", 2);
        ExecutorService sender = NamedExecutors.fixedPool("bench-sender", 1);
        Tasks tasks = new Tasks(workers, Platform::runLater);
        ResourceBundle bundle = ResourceBundle.getBundle("app.herald.ui.messages");
        AtomicReference<SendViewModel> viewModel = new AtomicReference<>();
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(channel), Map.of())) {
            BroadcastService broadcasts = TestBroadcasts.service(jdbi, simulation);
            var quote = broadcasts.quote("School closes at noon", List.of(listId), false);
            Stage composer = showAListOfLists();
            Platform.runLater(() -> {
                Stage owner = new Stage();
                owner.setScene(new Scene(new StackPane(), 1100, 720));
                owner.show();
                // closed once another window is open: closing the last one would end JavaFX
                composer.close();
                new SendDialogs(confirmed -> {
                    viewModel.set(new SendViewModel(confirmed, Optional::empty, Optional.empty(), broadcasts, tasks, sender, Platform::runLater,
                            System::nanoTime, bundle));
                    return viewModel.get();
                }, bundle, List.of()).open(owner, quote);
            });
            while (viewModel.get() == null) {
                Thread.sleep(20);
            }
            // the garbage of what ran before goes now, not in the middle of the run the probe measures
            System.gc();
            settle();
            try (FxThreadProbe probe = new FxThreadProbe()) {
                long start = System.nanoTime();
                Platform.runLater(() -> viewModel.get().send());
                while (viewModel.get().phaseProperty().get() != SendViewModel.Phase.DONE) {
                    Thread.sleep(20);
                }
                long end = System.nanoTime();
                settle();
                System.out.printf("through the send dialog (plan + send, %s): %6.2f s (%s)%n", channel.label(),
                        (end - start) / 1e9, viewModel.get().outcomeProperty().get());
                System.out.printf("  FX thread while planning and sending: %s%n", probe.summary(start, end));
            }
        } finally {
            sender.shutdown();
            workers.shutdown();
            Platform.exit();
        }
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
