package app.herald.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** Small bindings every screen uses. */
public final class Nodes {

    private Nodes() {
    }

    /** Shown, and taking its room in the layout, only while the condition holds. */
    public static void showOnlyWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
