package app.herald.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.HeraldApp;
import app.herald.Launcher;
import app.herald.settings.DataFolder;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --self-test} in a Herald of its own (a child JVM on Monocle, as CI runs the packaged one under Xvfb). */
class SelfTestTest {

    @TempDir
    Path home;

    private record Outcome(int exitCode, String output) {
    }

    private Outcome selfTest() throws Exception {
        Path output = home.resolve("self-test.out");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), HeraldApp.SELF_TEST)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put(DataFolder.HOME_VARIABLE, home.resolve("data").toString());
        Process herald = builder.start();
        assertThat(herald.waitFor(150, TimeUnit.SECONDS)).as("the self-test ends by itself").isTrue();
        return new Outcome(herald.exitValue(), Files.readString(output));
    }

    @Test
    void opensTheDataShowsTheWindowAndExitsZero() throws Exception {
        Outcome outcome = selfTest();

        assertThat(outcome.output()).contains("Herald self-test passed: data folder " + home.resolve("data"));
        assertThat(outcome.exitCode()).isZero();
        assertThat(home.resolve("data").resolve("herald.mv.db")).exists();
    }

    @Test
    void aDataFolderItCannotOpenFailsWithTheReason() throws Exception {
        try (Storage held = TestStorage.open(home.resolve("data"))) {
            Outcome outcome = selfTest();

            assertThat(outcome.exitCode()).isEqualTo(SelfTest.FAILED);
            assertThat(outcome.output()).contains("Herald self-test FAILED: the data could not be opened: Herald is already open");
        }
    }
}
