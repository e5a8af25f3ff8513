package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioChoiceTest {

    private static final String ACCOUNT = "AC" + "1".repeat(32);
    private static final String SERVICE = "IS" + "2".repeat(32);
    private static final Map<String, String> ALL = Map.of(
            "TWILIO_ACCOUNT_SID", ACCOUNT,
            "TWILIO_AUTH_TOKEN", "secret",
            "TWILIO_NOTIFY_SERVICE_SID", SERVICE);
    private static final TwilioSettings LIVE_SETTINGS = new TwilioSettings(ACCOUNT, "", SERVICE, "", true);

    @Test
    void noCredentialsMeansSimulation() {
        assertThat(TwilioChoice.resolve(Map.of(), TwilioSettings.NONE, Optional.empty())).isEqualTo(TwilioChoice.SIMULATION);
    }

    @Test
    void aCompleteSetInTheEnvironmentMeansLiveWhateverSettingsSay() {
        TwilioChoice choice = TwilioChoice.resolve(ALL, TwilioSettings.NONE, Optional.empty());

        assertThat(choice.mode()).isEqualTo(Mode.LIVE);
        assertThat(choice.fromEnvironment()).isTrue();
        assertThat(choice.credentials().orElseThrow().secret()).isEqualTo("secret");
    }

    @Test
    void aMissingOrBlankValueNeverSendsForReal() {
        for (String name : ALL.keySet()) {
            Map<String, String> blank = new HashMap<>(ALL);
            blank.put(name, "  ");
            assertThat(TwilioChoice.resolve(blank, TwilioSettings.NONE, Optional.empty()).mode()).as("%s blank", name)
                    .isEqualTo(Mode.SIMULATION);
            blank.remove(name);
            assertThat(TwilioChoice.resolve(blank, TwilioSettings.NONE, Optional.empty()).mode()).as("%s missing", name)
                    .isEqualTo(Mode.SIMULATION);
        }
    }

    @Test
    void settingsSendLiveOnlyWhenLiveWasChosenAndNothingIsMissing() {
        TwilioChoice live = TwilioChoice.resolve(Map.of(), LIVE_SETTINGS, Optional.of("token"));
        assertThat(live.mode()).isEqualTo(Mode.LIVE);
        assertThat(live.fromEnvironment()).isFalse();
        assertThat(live.credentials().orElseThrow().username()).isEqualTo(ACCOUNT);

        TwilioSettings notChosen = new TwilioSettings(ACCOUNT, "", SERVICE, "", false);
        assertThat(TwilioChoice.resolve(Map.of(), notChosen, Optional.of("token")).mode()).isEqualTo(Mode.SIMULATION);
        assertThat(TwilioChoice.resolve(Map.of(), LIVE_SETTINGS, Optional.empty()).mode()).as("secret lost")
                .isEqualTo(Mode.SIMULATION);
        TwilioSettings noService = new TwilioSettings(ACCOUNT, "", "", "", true);
        assertThat(TwilioChoice.resolve(Map.of(), noService, Optional.of("token")).mode()).isEqualTo(Mode.SIMULATION);
    }

    @Test
    void anApiKeyIsTheUsernameWhenSet() {
        TwilioSettings withKey = new TwilioSettings(ACCOUNT, "SK" + "3".repeat(32), SERVICE, "", true);

        TwilioCredentials credentials = TwilioChoice.resolve(Map.of(), withKey, Optional.of("key secret")).credentials()
                .orElseThrow();

        assertThat(credentials.username()).startsWith("SK");
        assertThat(credentials.accountSid()).isEqualTo(ACCOUNT);
    }
}
