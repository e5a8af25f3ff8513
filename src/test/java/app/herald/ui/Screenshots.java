package app.herald.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Saves a window as the UI tests see it, for docs/screenshots: only when the build is asked to,
 * with {@code -Dherald.screenshots=docs/screenshots}, so an ordinary test run writes nothing.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void save(FxRobot robot, Scene scene, String name) {
        String folder = System.getProperty("herald.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        saveTo(robot, scene, Path.of(folder).resolve(name + ".png"));
    }

    /** Saves every open window under target/ui-failures, to see what a failed UI test was looking at. */
    public static void saveFailure(FxRobot robot, String name) {
        int n = 0;
        for (Window window : robot.listWindows()) {
            saveTo(robot, window.getScene(), Path.of("target", "ui-failures", name + "-" + n++ + ".png"));
        }
    }

    private static void saveTo(FxRobot robot, Scene scene, Path target) {
        WritableImage[] taken = new WritableImage[1];
        robot.interact(() -> taken[0] = scene.snapshot(null));
        write(taken[0], target);
    }

    private static void write(WritableImage image, Path target) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(target.getParent());
            ImageIO.write(buffered, "png", target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
