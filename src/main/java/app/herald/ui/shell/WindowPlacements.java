package app.herald.ui.shell;

import app.herald.settings.WindowPlacement;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window where the person left it, unless that place is on a screen no longer attached. */
public final class WindowPlacements {

    private WindowPlacements() {
    }

    public static void apply(WindowPlacement placement, Stage stage) {
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        if (placement.hasPosition() && isOnAScreen(placement)) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(placement.maximized());
    }

    /** The stage's placement; a maximised window keeps the size it had before, to return to it. */
    public static WindowPlacement capture(Stage stage, WindowPlacement previous) {
        if (stage.isMaximized()) {
            return new WindowPlacement(previous.x(), previous.y(), previous.width(), previous.height(), true);
        }
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    private static boolean isOnAScreen(WindowPlacement placement) {
        // the title bar must be reachable: ask for the top strip of the window, not the whole window
        Rectangle2D titleBar = new Rectangle2D(placement.x(), placement.y(), placement.width(), 40);
        return !Screen.getScreensForRectangle(titleBar).isEmpty();
    }
}
