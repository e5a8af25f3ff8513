package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    private static final Path HOME = Path.of("/home/ana");

    @Test
    void heraldHomeOverridesTheOperatingSystemFolder() {
        DataFolder folder = DataFolder.resolve(Map.of("HERALD_HOME", "/tmp/portable"), "Windows 11", HOME);

        assertThat(folder.path()).isEqualTo(Path.of("/tmp/portable").toAbsolutePath());
    }

    @Test
    void windowsUsesAppData() {
        DataFolder folder = DataFolder.resolve(Map.of("APPDATA", "/users/ana/AppData/Roaming"), "Windows 10", HOME);

        assertThat(folder.path()).isEqualTo(Path.of("/users/ana/AppData/Roaming/Herald").toAbsolutePath());
    }

    @Test
    void macUsesApplicationSupport() {
        DataFolder folder = DataFolder.resolve(Map.of(), "Mac OS X", HOME);

        assertThat(folder.path()).isEqualTo(HOME.resolve("Library/Application Support/Herald"));
    }

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        DataFolder folder = DataFolder.resolve(Map.of("XDG_DATA_HOME", "/data/ana"), "Linux", HOME);

        assertThat(folder.path()).isEqualTo(Path.of("/data/ana/herald"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        DataFolder folder = DataFolder.resolve(Map.of("XDG_DATA_HOME", " ", "HERALD_HOME", ""), "Linux", HOME);

        assertThat(folder.path()).isEqualTo(HOME.resolve(".local/share/herald"));
    }

    @Test
    void logsDatabaseAndLockLiveInsideTheFolder() {
        DataFolder folder = new DataFolder(Path.of("/srv/herald"));

        assertThat(folder.logs()).isEqualTo(Path.of("/srv/herald/logs"));
        assertThat(folder.database()).isEqualTo(Path.of("/srv/herald/herald"));
        assertThat(folder.lockFile().getParent()).isEqualTo(folder.path());
    }
}
