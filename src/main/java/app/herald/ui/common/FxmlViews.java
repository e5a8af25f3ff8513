package app.herald.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML view whose controller is built by the caller, so controllers receive their
 * dependencies through their constructors; FXML stays layout and its texts come from the bundle.
 */
public final class FxmlViews {

    private final ResourceBundle bundle;

    public FxmlViews(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle);
    }

    /** Loads {@code fxml}, whose {@code fx:controller} names {@code controller}'s class. */
    public Parent load(URL fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(fxml, "missing FXML resource"), bundle);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxml + " wants a " + type.getName() + ", not a " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }
}
