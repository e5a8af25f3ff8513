package app.herald.ui.importer;

import app.herald.contacts.Country;
import app.herald.ui.common.DialogWindows;
import app.herald.ui.common.FxmlViews;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the import dialog, on a file the person chooses or dropped, over the main window. */
public final class ImportDialogs {

    private final Supplier<ImportViewModel> viewModels;
    private final ResourceBundle bundle;
    private final Supplier<Country> defaultCountry;
    private final List<String> stylesheets;

    /**
     * @param viewModels     a fresh view model for each dialog
     * @param defaultCountry the country last chosen, or null when none is known
     */
    public ImportDialogs(Supplier<ImportViewModel> viewModels, ResourceBundle bundle, Supplier<Country> defaultCountry,
            List<String> stylesheets) {
        this.viewModels = Objects.requireNonNull(viewModels);
        this.bundle = Objects.requireNonNull(bundle);
        this.defaultCountry = Objects.requireNonNull(defaultCountry);
        this.stylesheets = List.copyOf(stylesheets);
    }

    /** Asks for a file, then opens the dialog on it. */
    public void chooseAndOpen(Window owner, String suggestedList, List<String> existingLists) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("import.choose.title"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(bundle.getString("import.files"), "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter(bundle.getString("import.allFiles"), "*.*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(owner, file.toPath(), suggestedList, existingLists);
        }
    }

    /** @param suggestedList the list to import into unless the person names another; blank for one named after the file */
    public void open(Window owner, Path file, String suggestedList, List<String> existingLists) {
        ImportViewModel viewModel = viewModels.get();
        Stage stage = DialogWindows.over(owner, bundle.getString("import.title"));
        ImportController controller = new ImportController(viewModel, bundle, stage::close);
        Parent root = new FxmlViews(bundle).load(ImportDialogs.class.getResource("import-dialog.fxml"), controller);
        // closing the window while an import runs cancels it; the list stays as it was
        stage.setOnCloseRequest(event -> {
            if (viewModel.phaseProperty().get() == ImportViewModel.Phase.RUNNING) {
                event.consume();
                viewModel.cancel();
            }
        });
        DialogWindows.show(stage, root, stylesheets);
        viewModel.open(file, defaultCountry.get(), suggestedList, existingLists);
    }
}
