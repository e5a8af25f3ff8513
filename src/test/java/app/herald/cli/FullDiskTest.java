package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: an 8 MB tmpfs mounted for the test (root only, as CI runs; skipped where
 * mounting is not allowed), Herald's data on it, then filled to the last byte. (A new database
 * passes 4 MB while its thirteen migrations run, H2 only appending; it is 20 KB once compacted.)
 */
class FullDiskTest {

    @TempDir
    Path mountPoint;

    @TempDir
    Path files;

    private boolean mounted;
    private CommandLineRun run;

    @BeforeEach
    void mount() throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        mounted = mount.waitFor() == 0;
        assumeTrue(mounted, "mounting a small disk needs root: " + new String(mount.getInputStream().readAllBytes()));
        run = new CommandLineRun(mountPoint.resolve("herald"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", mountPoint.toString()).start().waitFor();
        }
    }

    private int herald(String... args) {
        return run.herald(args);
    }

    private void fillTheDisk() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream filler = Files.newOutputStream(mountPoint.resolve("filler"))) {
            while (true) {
                filler.write(block);
                filler.flush();
            }
        } catch (IOException full) {
            // no space left on device: full
        }
    }

    @Test
    void onAFullDiskTheDataCanStillBeReadAndAWriteSaysTheDiskIsFull() throws Exception {
        Path contacts = Files.writeString(files.resolve("parents.csv"), "phone,name\n+14155550132,Ann\n+14155550133,Bob\n");
        assertThat(herald("import", contacts.toString(), "--list", "Parents", "--country", "US")).isZero();
        fillTheDisk();

        assertThat(herald("lists")).as(run.err()).isZero();
        assertThat(run.out()).contains("Parents");
        assertThat(herald("export", "--list", "Parents", files.resolve("out.csv").toString())).isZero();
        assertThat(Files.readString(files.resolve("out.csv"))).contains("+14155550133");

        Path more = Files.writeString(files.resolve("more.csv"), "phone\n+14155550134\n");
        assertThat(herald("import", more.toString(), "--list", "More", "--country", "US")).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("herald: The disk is full").doesNotContain("\n")
                .doesNotContain("Exception");

        Files.delete(mountPoint.resolve("filler"));
        assertThat(herald("import", more.toString(), "--list", "More", "--country", "US")).as("room again").isZero();
        assertThat(herald("lists")).isZero();
        assertThat(run.out()).contains("Parents").contains("More");
    }
}
