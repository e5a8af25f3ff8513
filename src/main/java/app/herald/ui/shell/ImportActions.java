package app.herald.ui.shell;

import java.nio.file.Path;

/** What the main window's File › Import… and a dropped file start. */
public interface ImportActions {

    /** Asks for a file, then opens the import dialog on it. */
    void chooseFile();

    /** Opens the import dialog on a file the person dropped on the window. */
    void open(Path file);
}
