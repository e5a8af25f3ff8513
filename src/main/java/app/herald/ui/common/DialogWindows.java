package app.herald.ui.common;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A dialog window over the main one: modal to it, with its icons and Herald's stylesheets. */
public final class DialogWindows {

    private DialogWindows() {
    }

    /** A stage not yet showing: its controller needs it (to close it) before its view is loaded. */
    public static Stage over(Window owner, String title) {
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner instanceof Stage ownerStage) {
            stage.getIcons().setAll(ownerStage.getIcons());
        }
        return stage;
    }

    public static void show(Stage stage, Parent root, List<String> stylesheets) {
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.show();
    }
}
