package app.herald.ui.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** The small questions a screen asks: a confirmation naming what will happen, or one line of text. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * @param action the button that goes ahead, named for what it does ("Delete"), never a bare OK;
     *               Cancel is the default, so Enter does no harm
     */
    public static boolean confirm(Node owner, String title, String question, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, go, ButtonType.CANCEL);
        alert.initOwner(window(owner));
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().setId("confirmDialog");
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    /** Tells the person something they must know, and waits until they have read it. */
    public static void warn(Node owner, String title, String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
        alert.initOwner(window(owner));
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().setId("warningDialog");
        // room for a file's path on one line
        alert.getDialogPane().setPrefWidth(560);
        alert.showAndWait();
    }

    /** @return the text typed, stripped; empty when cancelled or blank */
    public static Optional<String> askText(Node owner, String title, String header, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(window(owner));
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText(label);
        dialog.getDialogPane().setId("textDialog");
        return dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Window window(Node owner) {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
