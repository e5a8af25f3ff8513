package app.herald.bench;

import app.herald.concurrent.NamedExecutors;
import app.herald.contacts.Country;
import app.herald.contacts.csv.ContactImporter;
import app.herald.ui.common.Tasks;
import app.herald.ui.importer.ImportDialogs;
import app.herald.ui.importer.ImportViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;

/**
 * The same import through the real import dialog (headless, on Monocle), with the FX thread probed
 * meanwhile: how long the window could freeze while the dialog shows the import's progress.
 */
final class DialogImportBenchmark {

    private DialogImportBenchmark() {
    }

    /** Waits until the FX thread has painted what it was given, and a little more. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1_000);
        CountDownLatch idle = new CountDownLatch(1);
        Platform.runLater(idle::countDown);
        idle.await();
    }

    /** Needs the FX toolkit started. */
    static void run(Jdbi jdbi, Path csv) throws Exception {
        ExecutorService workers = NamedExecutors.fixedPool("bench-worker", 2);
        Tasks tasks = new Tasks(workers, Platform::runLater);
        ResourceBundle bundle = ResourceBundle.getBundle("app.herald.ui.messages");
        AtomicReference<ImportViewModel> viewModel = new AtomicReference<>();
        CountDownLatch imported = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 1100, 720));
            owner.show();
            ImportDialogs dialogs = new ImportDialogs(() -> {
                viewModel.set(new ImportViewModel(new ContactImporter(jdbi), tasks, bundle, country -> { },
                        list -> imported.countDown(), System::nanoTime));
                return viewModel.get();
            }, bundle, () -> Country.find("US").orElseThrow(), List.of());
            dialogs.open(owner, csv, "Through the dialog", List.of());
        });
        while (viewModel.get() == null || viewModel.get().phaseProperty().get() != ImportViewModel.Phase.SETUP) {
            Thread.sleep(20);
        }

        // the dialog's first layout and paint come after SETUP: they belong to opening it, not to the import
        settle();
        try (FxThreadProbe probe = new FxThreadProbe()) {
            long start = System.nanoTime();
            Platform.runLater(() -> viewModel.get().start());
            imported.await();
            long end = System.nanoTime();
            settle();
            System.out.printf("through the import dialog: %6.2f s%n", (end - start) / 1e9);
            System.out.printf("  FX thread while importing:        %s%n", probe.summary(start, end));
            System.out.printf("  FX thread showing the report:     %s%n", probe.summary(end, Long.MAX_VALUE));
        } finally {
            workers.shutdown();
            Platform.exit();
        }
    }
}
