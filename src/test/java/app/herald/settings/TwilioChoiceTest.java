package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final TwilioSettings LIVE_SETTINGS = new TwilioSettings(ACCOUNT, "", "", SERVICE, ChannelKind.NOTIFY, "", true);

    @Test
    void noCredentialsMeansSimulation() {
        assertThat(TwilioChoice.resolve(Map.of(), TwilioSettings.NONE, Optional.empty())).isEqualTo(TwilioChoice.simulation(ChannelKind.MESSAGES));
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

        TwilioSettings notChosen = new TwilioSettings(ACCOUNT, "", "", SERVICE, ChannelKind.NOTIFY, "", false);
        assertThat(TwilioChoice.resolve(Map.of(), notChosen, Optional.of("token")).mode()).isEqualTo(Mode.SIMULATION);
        assertThat(TwilioChoice.resolve(Map.of(), LIVE_SETTINGS, Optional.empty()).mode()).as("secret lost")
                .isEqualTo(Mode.SIMULATION);
        TwilioSettings noService = new TwilioSettings(ACCOUNT, "", "", "", ChannelKind.NOTIFY, "", true);
        assertThat(TwilioChoice.resolve(Map.of(), noService, Optional.of("token")).mode()).isEqualTo(Mode.SIMULATION);
    }

    @Test
    void anApiKeyIsTheUsernameWhenSet() {
        TwilioSettings withKey = new TwilioSettings(ACCOUNT, "SK" + "3".repeat(32), "", SERVICE, ChannelKind.NOTIFY, "", true);

        TwilioCredentials credentials = TwilioChoice.resolve(Map.of(), withKey, Optional.of("key secret")).credentials()
                .orElseThrow();

        assertThat(credentials.username()).startsWith("SK");
        assertThat(credentials.accountSid()).isEqualTo(ACCOUNT);
    }

    private static final String MESSAGING = "MG" + "4".repeat(32);

    @Test
    void theEnvironmentsMessagingServiceMakesTheMessagingChannelAndWithBothTheSettingDecides() {
        Map<String, String> messaging = new HashMap<>(ALL);
        messaging.remove("TWILIO_NOTIFY_SERVICE_SID");
        messaging.put("TWILIO_MESSAGING_SERVICE_SID", MESSAGING);
        TwilioChoice throughMessages = TwilioChoice.resolve(messaging, TwilioSettings.NONE, Optional.empty());
        assertThat(throughMessages.channel()).isEqualTo(ChannelKind.MESSAGES);
        assertThat(throughMessages.credentials().orElseThrow().serviceSid()).isEqualTo(MESSAGING);

        Map<String, String> both = new HashMap<>(ALL);
        both.put("TWILIO_MESSAGING_SERVICE_SID", MESSAGING);
        assertThat(TwilioChoice.resolve(both, TwilioSettings.NONE, Optional.empty()).channel()).as("a new setup's default")
                .isEqualTo(ChannelKind.MESSAGES);
        assertThat(TwilioChoice.resolve(both, TwilioSettings.NONE.through(ChannelKind.NOTIFY), Optional.empty()).channel())
                .isEqualTo(ChannelKind.NOTIFY);
    }

    @Test
    void settingsFromBeforeTheMessagingChannelGoOnThroughNotify(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Path file = folder.resolve("twilio.properties");
        java.nio.file.Files.writeString(file, "account.sid=" + ACCOUNT + "\nnotify.service.sid=" + SERVICE + "\nmode.live=true\n");

        TwilioSettings old = TwilioSettings.load(file);

        assertThat(old.channel()).isEqualTo(ChannelKind.NOTIFY);
        assertThat(old.serviceSid()).isEqualTo(SERVICE);
        old.through(ChannelKind.MESSAGES).save(file);
        assertThat(TwilioSettings.load(file).channel()).isEqualTo(ChannelKind.MESSAGES);
    }

    @Test
    void aServiceSidOfNeitherKindIsRefusedInWords() {
        assertThatThrownBy(() -> new TwilioCredentials(ACCOUNT, ACCOUNT, "secret", "PN" + "1".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with MG");
    }
}
