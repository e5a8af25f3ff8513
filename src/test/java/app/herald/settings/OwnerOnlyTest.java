package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.contacts.Country;
import app.herald.core.HeraldCore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another person on the same computer reads nothing of Herald's: the folder 700, everything in it 600. */
class OwnerOnlyTest {

    @TempDir
    Path parent;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "checked by its ACL on Windows");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataFolderAndEverythingHeraldWritesInItAreOwnerOnly() throws Exception {
        DataFolder folder = new DataFolder(parent.resolve("herald-data"));
        LocalSettings settings = LocalSettings.load(folder, Map.of());
        settings.preferences().setDefaultCountry(Country.find("GB").orElseThrow());
        try (HeraldCore core = HeraldCore.open(settings)) {
            core.lists().create("Parents");
        }

        assertThat(settings.warnings()).isEmpty();
        assertThat(mode(folder.path())).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(folder.path())) {
            assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty()
                    .allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void anOpenFolderIsTightenedAtStartAndAReadableSecretIsSaid() throws Exception {
        DataFolder folder = new DataFolder(parent.resolve("herald-data"));
        try (HeraldCore core = HeraldCore.open(LocalSettings.load(folder, Map.of()))) {
            core.lists().create("Parents");
        }
        Files.writeString(folder.secrets(), "twilio.secret=abc\n");
        Files.setPosixFilePermissions(folder.secrets(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder.path().resolve("herald.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path strangers = Files.writeString(folder.path().resolve("notes.txt"), "not Herald's");
        Files.setPosixFilePermissions(strangers, PosixFilePermissions.fromString("rw-r--r--"));

        LocalSettings settings = LocalSettings.load(folder, Map.of());

        assertThat(settings.warnings()).singleElement().asString().contains("secrets.properties")
                .contains("could be read by other people").contains("make a new secret");
        assertThat(mode(folder.path())).isEqualTo("rwx------");
        assertThat(mode(folder.secrets())).isEqualTo("rw-------");
        assertThat(mode(folder.path().resolve("herald.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(strangers)).as("not Herald's to change").isEqualTo("rw-r--r--");
    }
}
