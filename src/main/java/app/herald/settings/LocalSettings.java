package app.herald.settings;

import app.herald.contacts.Country;
import app.herald.storage.SharedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This computer's settings, readable before Herald's data opens: the data folder, the environment
 * that may override Settings, the window's preferences and the Twilio settings. The window and
 * the command line read them here, so both take the same defaults.
 */
public final class LocalSettings {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSettings.class);

    private final DataFolder dataFolder;
    private final Map<String, String> environment;
    private final UiPreferences preferences;
    private final TwilioSettingsStore twilio;
    private final DatabaseSettingsStore database;

    private final List<String> warnings;

    private LocalSettings(DataFolder dataFolder, Map<String, String> environment, UiPreferences preferences,
            List<String> warnings) {
        this.dataFolder = dataFolder;
        this.environment = environment;
        this.preferences = preferences;
        Supplier<SecretStore> secrets = SecretStores.openedOnFirstUse(dataFolder, environment);
        this.twilio = TwilioSettingsStore.open(dataFolder, secrets);
        this.database = DatabaseSettingsStore.open(dataFolder, environment, secrets);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Makes the data folder owner-only first (it may hold a secret), then reads its settings.
     *
     * @param environment where HERALD_*, TWILIO_* and the secret store's choice are read
     */
    public static LocalSettings load(DataFolder dataFolder, Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(environment);
        List<String> warnings = tighten(Objects.requireNonNull(dataFolder));
        return new LocalSettings(dataFolder, copy, UiPreferences.load(dataFolder.uiPreferences()), warnings);
    }

    private static List<String> tighten(DataFolder dataFolder) {
        List<String> warnings = new ArrayList<>();
        try {
            for (Path loosened : OwnerOnly.tighten(dataFolder)) {
                if (loosened.equals(dataFolder.secrets())) {
                    String warning = "The Twilio secret in " + loosened + " could be read by other people on this computer."
                            + " Herald made it readable by you alone; if others may have read it, make a new secret in"
                            + " Twilio's console.";
                    LOG.warn(warning);
                    warnings.add(warning);
                } else {
                    LOG.info("{} could be read by other people on this computer: made readable by its owner alone", loosened);
                }
            }
        } catch (IOException e) {
            // a folder Herald may use but not change (a read-only share): it still works, and says so in the log
            LOG.warn("Herald could not make its data folder {} readable by its owner alone", dataFolder.path(), e);
        }
        return warnings;
    }

    /** What Herald found and fixed in the data folder when it loaded it, for the person to know. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The shared PostgreSQL server in force: the environment's (HERALD_DATABASE_URL, _USER,
     * _PASSWORD), else the one Settings saved; then every command and the window use it instead of
     * this computer's file.
     *
     * @throws IllegalArgumentException when HERALD_DATABASE_URL is not a PostgreSQL address
     */
    public Optional<SharedServer> sharedDatabase() {
        return database.server();
    }

    /** Where Settings keeps the choice of a shared server. */
    public DatabaseSettingsStore database() {
        return database;
    }

    /** This computer as other desktops name it: HERALD_COMPUTER_NAME, else the name the system gives it. */
    public String computerName() {
        return ComputerName.of(environment);
    }

    public DataFolder dataFolder() {
        return dataFolder;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public UiPreferences preferences() {
        return preferences;
    }

    public TwilioSettingsStore twilio() {
        return twilio;
    }

    /** Where sending goes now, through the channel Settings chose. */
    public TwilioChoice twilioChoice() {
        return twilioChoice(Optional.empty());
    }

    /**
     * Where sending goes now, through this channel when one is given. Damaged Twilio settings never
     * stop Herald: it then simulates, and the log says why.
     */
    public TwilioChoice twilioChoice(Optional<ChannelKind> channel) {
        try {
            return twilio.choice(environment, channel);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read the Twilio settings; sending is simulated", e);
            return TwilioChoice.simulation(channel.orElse(ChannelKind.MESSAGES));
        }
    }

    /** The country of numbers written without a country code: the one chosen in Settings, else this computer's. */
    public Optional<Country> defaultCountry() {
        return preferences.defaultCountry();
    }
}
