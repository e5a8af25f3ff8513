package app.herald;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real {@code herald} command in a JVM of its own, for tests that kill it at a chosen moment. */
public final class ChildHerald {

    private ChildHerald() {
    }

    /**
     * @param environment added to this process's (HERALD_HOME at least)
     * @param output      where its standard output and error go
     */
    public static Process start(Map<String, String> environment, Path output, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.command().addAll(List.of(args));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs it to its end. @return how long it took, in milliseconds */
    public static long timeToEnd(Map<String, String> environment, Path output, String... args) throws Exception {
        long start = System.nanoTime();
        Process process = start(environment, output, args);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("herald " + String.join(" ", args) + " did not end well: " + java.nio.file.Files.readString(output));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts it and kills it (SIGKILL: no shutdown hook, nothing closed) after so many milliseconds. */
    public static void killAfter(long millis, Map<String, String> environment, Path output, String... args) throws Exception {
        Process process = start(environment, output, args);
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }
}
