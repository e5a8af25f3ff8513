package app.herald.settings;

/** Where the main window was and how big, so Herald reopens as the person left it. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    public static final WindowPlacement DEFAULT = new WindowPlacement(Double.NaN, Double.NaN, 1100, 720, false);

    public WindowPlacement {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a window needs a positive size, not " + width + "x" + height);
        }
    }

    /** False for the first start, when the window system should centre the window. */
    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
