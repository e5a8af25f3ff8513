package app.herald.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Herald keeps its database, logs and settings: {@code HERALD_HOME} when set (tests,
 * portable use), else the per-user application data folder of the operating system.
 */
public record DataFolder(Path path) {

    public static final String HOME_VARIABLE = "HERALD_HOME";

    public DataFolder {
        if (path == null) {
            throw new IllegalArgumentException("a data folder needs a path");
        }
        path = path.toAbsolutePath().normalize();
    }

    /** The data folder for this process: its environment, operating system and home folder. */
    public static DataFolder forThisProcess() {
        return fromEnvironment(System.getenv());
    }

    public static DataFolder fromEnvironment(Map<String, String> env) {
        return resolve(env, System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    static DataFolder resolve(Map<String, String> env, String osName, Path userHome) {
        String override = env.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            return new DataFolder(Path.of(override));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank()
                    ? userHome.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return new DataFolder(base.resolve("Herald"));
        }
        if (os.startsWith("mac")) {
            return new DataFolder(userHome.resolve("Library").resolve("Application Support").resolve("Herald"));
        }
        String xdgDataHome = env.get("XDG_DATA_HOME");
        Path base = xdgDataHome == null || xdgDataHome.isBlank()
                ? userHome.resolve(".local").resolve("share")
                : Path.of(xdgDataHome);
        return new DataFolder(base.resolve("herald"));
    }

    public Path logs() {
        return path.resolve("logs");
    }

    /** Herald's rolling copies of its database (storage's Backups keeps them there). */
    public Path backups() {
        return path.resolve("backups");
    }

    public Path database() {
        return path.resolve("herald");
    }

    public Path lockFile() {
        return path.resolve("herald.lock");
    }

    public Path uiPreferences() {
        return path.resolve("ui.properties");
    }

    /** Twilio's account, service and own number; never the secret. */
    public Path twilioSettings() {
        return path.resolve("twilio.properties");
    }

    /** Where Herald keeps its data when not in this folder: a shared server (its password is kept elsewhere). */
    public Path databaseSettings() {
        return path.resolve("database.properties");
    }

    /** The Twilio secret, only where no credential store is reachable; readable by its owner only. */
    public Path secrets() {
        return path.resolve("secrets.properties");
    }

    /** The message being composed, saved as it is typed. */
    public Path draft() {
        return path.resolve("draft.txt");
    }
}
