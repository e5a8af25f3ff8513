package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Country;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPreferencesTest {

    @TempDir
    Path folder;

    @Test
    void aFirstStartHasTheDefaultPlacementAndTheLightTheme() {
        UiPreferences preferences = UiPreferences.load(folder.resolve("ui.properties"));

        assertThat(preferences.windowPlacement()).isEqualTo(WindowPlacement.DEFAULT);
        assertThat(preferences.windowPlacement().hasPosition()).isFalse();
        assertThat(preferences.darkTheme()).isFalse();
    }

    @Test
    void placementAndThemeSurviveARestart() throws Exception {
        Path file = folder.resolve("sub/ui.properties");
        UiPreferences preferences = UiPreferences.load(file);
        preferences.setWindowPlacement(new WindowPlacement(40, 60, 1280, 800, true));
        preferences.setDarkTheme(true);
        preferences.save();

        UiPreferences reloaded = UiPreferences.load(file);

        assertThat(reloaded.windowPlacement()).isEqualTo(new WindowPlacement(40, 60, 1280, 800, true));
        assertThat(reloaded.darkTheme()).isTrue();
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aDamagedFileFallsBackToDefaults() throws Exception {
        Path file = folder.resolve("ui.properties");
        Files.writeString(file, "window.width=wide\nwindow.height=-5\n");

        assertThat(UiPreferences.load(file).windowPlacement()).isEqualTo(WindowPlacement.DEFAULT);
    }

    @Test
    void theDefaultCountryIsThisComputersUntilOneIsChosen() throws Exception {
        Locale before = Locale.getDefault();
        Path file = folder.resolve("ui.properties");
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(UiPreferences.load(file).defaultCountry()).map(Country::code).contains("DE");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(UiPreferences.load(file).defaultCountry()).isEmpty();

            UiPreferences preferences = UiPreferences.load(file);
            preferences.setDefaultCountry(Country.find("gb").orElseThrow());
            preferences.save();
            assertThat(UiPreferences.load(file).defaultCountry()).map(Country::label).contains("United Kingdom (+44)");
        } finally {
            Locale.setDefault(before);
        }
    }
}
