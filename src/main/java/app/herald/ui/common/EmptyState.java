package app.herald.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a screen shows when it has nothing yet: what will be here, and how it gets here. */
public final class EmptyState {

    private EmptyState() {
    }

    public static Node create(String title, String text) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("empty-title");
        Label textLabel = new Label(text);
        textLabel.getStyleClass().add("empty-text");
        textLabel.setWrapText(true);
        textLabel.setMaxWidth(520);
        VBox box = new VBox(12, titleLabel, textLabel);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
