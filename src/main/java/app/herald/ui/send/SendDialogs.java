package app.herald.ui.send;

import app.herald.broadcast.Quote;
import app.herald.ui.common.DialogWindows;
import app.herald.ui.common.FxmlViews;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the send dialog over the main window; while batches go out it cannot be closed, only paused or cancelled. */
public final class SendDialogs {

    private final Function<Quote, SendViewModel> viewModels;
    private final ResourceBundle bundle;
    private final List<String> stylesheets;

    public SendDialogs(Function<Quote, SendViewModel> viewModels, ResourceBundle bundle, List<String> stylesheets) {
        this.viewModels = Objects.requireNonNull(viewModels);
        this.bundle = Objects.requireNonNull(bundle);
        this.stylesheets = List.copyOf(stylesheets);
    }

    public void open(Window owner, Quote quote) {
        SendViewModel viewModel = viewModels.apply(quote);
        Stage stage = DialogWindows.over(owner, bundle.getString("send.title"));
        Parent root = new FxmlViews(bundle).load(SendDialogs.class.getResource("send-dialog.fxml"),
                new SendController(viewModel, bundle, stage::close));
        stage.setOnCloseRequest(event -> {
            if (viewModel.phaseProperty().get() == SendViewModel.Phase.SENDING) {
                event.consume();
            }
        });
        DialogWindows.show(stage, root, stylesheets);
    }
}
