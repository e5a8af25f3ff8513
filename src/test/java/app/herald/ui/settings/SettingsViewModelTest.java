package app.herald.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Country;
import app.herald.message.Price;
import app.herald.settings.ChannelKind;
import app.herald.settings.DataFolder;
import app.herald.settings.Mode;
import app.herald.settings.QuietHours;
import app.herald.settings.SecretStores;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioSettings;
import app.herald.settings.TwilioSettingsStore;
import app.herald.settings.UiPreferences;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.TwilioSimulator;
import app.herald.ui.common.SameThreadTasks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    private static final Map<String, String> FILE_STORE = Map.of(SecretStores.CHOICE_VARIABLE, "file");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.herald.ui.messages");

    @TempDir
    Path home;

    private TwilioSimulator twilio;
    private DataFolder folder;
    private UiPreferences preferences;
    private final ObjectProperty<TwilioChoice> choice = new SimpleObjectProperty<>(TwilioChoice.simulation(ChannelKind.MESSAGES));
    private SettingsViewModel viewModel;

    @BeforeEach
    void openSettings() throws Exception {
        twilio = TwilioSimulator.start(0, null);
        folder = new DataFolder(home);
        preferences = UiPreferences.load(folder.uiPreferences());
        preferences.setDefaultCountry(Country.find("US").orElseThrow());
        viewModel = settingsScreen();
    }

    private SettingsViewModel settingsScreen() {
        SettingsViewModel screen = new SettingsViewModel(TwilioSettingsStore.open(folder, FILE_STORE), preferences, FILE_STORE,
                new TwilioConnections(choice.get(), Map.of("HERALD_TWILIO_BASE_URL", twilio.baseUrl().toString()))::check, choice,
                SameThreadTasks.create(), BUNDLE);
        screen.load();
        return screen;
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    /** The simulator's account and its Messaging Service, the default for a new setup. */
    private void typeTheSimulatorsAccount() {
        viewModel.accountSidProperty().set(TwilioSimulator.ACCOUNT_SID);
        viewModel.secretProperty().set(TwilioSimulator.AUTH_TOKEN);
        viewModel.messagingServiceSidProperty().set(TwilioSimulator.MESSAGING_SERVICE_SID);
    }

    @Test
    void freshSettingsSimulateAndCanBeSavedAsTheyAre() {
        assertThat(viewModel.problemBinding().get()).isEmpty();
        assertThat(viewModel.canSaveBinding().get()).isTrue();
        assertThat(viewModel.canTestBinding().get()).as("nothing to test yet").isFalse();
        assertThat(viewModel.pricePerSegmentProperty().get()).isEqualTo("0.0083");
        assertThat(viewModel.secretInOsStoreProperty().get()).as("HERALD_SECRET_STORE=file").isFalse();
    }

    @Test
    void quietHoursAreOffUntilChosenAndKept() throws Exception {
        assertThat(viewModel.quietHoursProperty().get()).isEmpty();
        viewModel.quietHoursProperty().set(Optional.of(QuietHours.STRICTER));
        viewModel.save();

        assertThat(UiPreferences.load(folder.uiPreferences()).quietHours()).contains(QuietHours.STRICTER);
        assertThat(settingsScreen().quietHoursProperty().get()).contains(QuietHours.STRICTER);
    }

    @Test
    void replyWordsStartAsTwilioDefaultsAndAreKeptAsTypedOrRefusedInWords() throws Exception {
        assertThat(viewModel.optOutWordsProperty().get()).isEqualTo("CANCEL, END, OPTOUT, QUIT, REVOKE, STOP, STOPALL, UNSUBSCRIBE");
        assertThat(viewModel.optInWordsProperty().get()).isEqualTo("START, UNSTOP, YES");

        viewModel.optInWordsProperty().set("start, stop");
        assertThat(viewModel.problemBinding().get()).isEqualTo("Reply words: STOP cannot both opt out and opt back in.");
        assertThat(viewModel.canSaveBinding().get()).isFalse();

        viewModel.optOutWordsProperty().set("stop arret");
        viewModel.optInWordsProperty().set("start");
        viewModel.save();

        assertThat(UiPreferences.load(folder.uiPreferences()).replyKeywords().optOut()).containsExactlyInAnyOrder("STOP", "ARRET");
        assertThat(settingsScreen().optOutWordsProperty().get()).isEqualTo("ARRET, STOP");
    }

    @Test
    void liveNeedsEveryPartAndSaysWhichFieldIsWrong() {
        viewModel.liveProperty().set(true);
        assertThat(viewModel.problemBinding().get()).startsWith("To send through Twilio, fill in");
        assertThat(viewModel.canSaveBinding().get()).isFalse();

        typeTheSimulatorsAccount();
        assertThat(viewModel.canSaveBinding().get()).isTrue();

        viewModel.accountSidProperty().set("AC123");
        assertThat(viewModel.problemBinding().get()).startsWith("The Account SID starts with AC");
        viewModel.accountSidProperty().set(TwilioSimulator.ACCOUNT_SID);
        viewModel.messagingServiceSidProperty().set(TwilioSimulator.SERVICE_SID);
        assertThat(viewModel.problemBinding().get()).startsWith("The Messaging Service SID starts with MG");
        viewModel.messagingServiceSidProperty().set(TwilioSimulator.MESSAGING_SERVICE_SID);
        viewModel.channelProperty().set(ChannelKind.NOTIFY);
        assertThat(viewModel.problemBinding().get()).as("Notify needs its own SID").startsWith("To send through Twilio");
        viewModel.notifyServiceSidProperty().set("MG" + "0".repeat(32));
        assertThat(viewModel.problemBinding().get()).startsWith("The Notify Service SID starts with IS");
        viewModel.notifyServiceSidProperty().set(TwilioSimulator.SERVICE_SID);
        assertThat(viewModel.problemBinding().get()).isEmpty();
        viewModel.channelProperty().set(ChannelKind.MESSAGES);
        viewModel.useApiKeyProperty().set(true);
        assertThat(viewModel.problemBinding().get()).startsWith("The API Key SID starts with SK");
        viewModel.apiKeySidProperty().set("SK" + "a".repeat(32));
        viewModel.ownNumber().textProperty().set("12");
        assertThat(viewModel.problemBinding().get()).startsWith("Your own number: ");
        viewModel.ownNumber().textProperty().set("");
        viewModel.pricePerSegmentProperty().set("cheap");
        assertThat(viewModel.problemBinding().get()).startsWith("The price per segment is an amount");
        viewModel.pricePerSegmentProperty().set("0.05");
        viewModel.currencyProperty().set("EURO");
        assertThat(viewModel.problemBinding().get()).startsWith("The currency is a three-letter code");
        viewModel.currencyProperty().set("eur");
        assertThat(viewModel.problemBinding().get()).isEmpty();
    }

    @Test
    void savingLiveAppliesAtOnceAndKeepsTheSecretOutOfTheSettingsFile() throws Exception {
        typeTheSimulatorsAccount();
        viewModel.ownNumber().textProperty().set("(415) 200-0001");
        viewModel.pricePerSegmentProperty().set("0,05");
        viewModel.currencyProperty().set("eur");
        viewModel.liveProperty().set(true);
        assertThat(viewModel.saveSwitchesToLive()).isTrue();

        viewModel.save();

        assertThat(choice.get().mode()).isEqualTo(Mode.LIVE);
        assertThat(choice.get().credentials().orElseThrow().secret()).isEqualTo(TwilioSimulator.AUTH_TOKEN);
        assertThat(viewModel.noticeProperty().get().text()).startsWith("Saved. Herald now sends through Twilio");
        assertThat(viewModel.secretProperty().get()).as("the secret never stays in the field").isEmpty();
        assertThat(viewModel.secretSavedProperty().get()).isTrue();
        assertThat(viewModel.ownNumber().textProperty().get()).isEqualTo("+14152000001");
        assertThat(Files.readString(folder.twilioSettings())).contains(TwilioSimulator.ACCOUNT_SID)
                .doesNotContain(TwilioSimulator.AUTH_TOKEN);
        assertThat(Files.readString(folder.secrets())).contains(TwilioSimulator.AUTH_TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.secrets()))).isEqualTo("rw-------");
        assertThat(UiPreferences.load(folder.uiPreferences()).price())
                .isEqualTo(new Price(new BigDecimal("0.05"), Currency.getInstance("EUR")));

        SettingsViewModel reopened = settingsScreen();
        assertThat(reopened.accountSidProperty().get()).isEqualTo(TwilioSimulator.ACCOUNT_SID);
        assertThat(reopened.secretProperty().get()).isEmpty();
        assertThat(reopened.secretSavedProperty().get()).isTrue();
        assertThat(reopened.liveProperty().get()).isTrue();
        assertThat(reopened.saveSwitchesToLive()).as("already LIVE").isFalse();
        assertThat(reopened.channelProperty().get()).isEqualTo(ChannelKind.MESSAGES);
        TwilioChoice saved = TwilioSettingsStore.open(folder, FILE_STORE).choice(Map.of(), Optional.empty());
        assertThat(saved.mode()).isEqualTo(Mode.LIVE);
        assertThat(saved.channel()).isEqualTo(ChannelKind.MESSAGES);
        assertThat(saved.credentials().orElseThrow().serviceSid()).isEqualTo(TwilioSimulator.MESSAGING_SERVICE_SID);
    }

    @Test
    void switchingBackToSimulationKeepsTheAccountForLater() throws Exception {
        typeTheSimulatorsAccount();
        viewModel.liveProperty().set(true);
        viewModel.save();

        viewModel.liveProperty().set(false);
        viewModel.save();

        assertThat(choice.get()).isEqualTo(TwilioChoice.simulation(ChannelKind.MESSAGES));
        assertThat(viewModel.noticeProperty().get().text()).startsWith("Saved. Herald sends in SIMULATION");
        assertThat(TwilioSettings.load(folder.twilioSettings()).accountSid()).isEqualTo(TwilioSimulator.ACCOUNT_SID);
    }

    @Test
    void testConnectionOfAMessagingServiceSaysItsSendersAndWhetherItLogsReplies() {
        typeTheSimulatorsAccount();

        viewModel.testConnection();

        assertThat(viewModel.noticeProperty().get().problem()).isFalse();
        assertThat(viewModel.noticeProperty().get().text()).contains("\u201cHerald simulator\u201d")
                .contains(TwilioSimulator.MESSAGING_SERVICE_SID).contains("has 2 senders").contains("Smart Encoding is on")
                .contains("within 4 hours");

        twilio.setInboundRequestUrl(null);
        viewModel.testConnection();

        assertThat(viewModel.noticeProperty().get().problem()).isTrue();
        assertThat(viewModel.noticeProperty().get().text()).contains("does not log replies");
    }

    @Test
    void testConnectionNamesTheNotifyServiceAndItsMessagingService() {
        typeTheSimulatorsAccount();
        viewModel.channelProperty().set(ChannelKind.NOTIFY);
        viewModel.notifyServiceSidProperty().set(TwilioSimulator.SERVICE_SID);

        viewModel.testConnection();

        assertThat(viewModel.noticeProperty().get().problem()).isFalse();
        assertThat(viewModel.noticeProperty().get().text()).contains("\u201cHerald simulator\u201d")
                .contains(TwilioSimulator.SERVICE_SID).contains(TwilioSimulator.MESSAGING_SERVICE_SID);
        assertThat(viewModel.testingProperty().get()).isFalse();
    }

    @Test
    void testConnectionUsesTheSavedSecretWhenNoneIsTyped() {
        typeTheSimulatorsAccount();
        viewModel.save();
        assertThat(viewModel.secretProperty().get()).isEmpty();

        viewModel.testConnection();

        assertThat(viewModel.noticeProperty().get().text()).startsWith("Connected.");
    }

    @Test
    void aKeptAuthTokenIsNeverTriedAsAnApiKeysSecret() {
        typeTheSimulatorsAccount();
        viewModel.save();

        viewModel.useApiKeyProperty().set(true);
        viewModel.apiKeySidProperty().set("SK" + "a".repeat(32));

        assertThat(viewModel.problemBinding().get()).startsWith("The saved secret is the Auth Token");
        assertThat(viewModel.canTestBinding().get()).isFalse();
        viewModel.secretProperty().set("the key's secret");
        assertThat(viewModel.problemBinding().get()).isEmpty();
        viewModel.save();
        viewModel.useApiKeyProperty().set(false);
        assertThat(viewModel.problemBinding().get()).startsWith("The saved secret belongs to an API key");
    }

    @Test
    void testConnectionWarnsWhenTheServiceCannotSendSms() {
        twilio.removeMessagingService();
        typeTheSimulatorsAccount();
        viewModel.channelProperty().set(ChannelKind.NOTIFY);
        viewModel.notifyServiceSidProperty().set(TwilioSimulator.SERVICE_SID);

        viewModel.testConnection();

        assertThat(viewModel.noticeProperty().get().problem()).isTrue();
        assertThat(viewModel.noticeProperty().get().text()).contains("it has no Messaging Service");
    }

    @Test
    void aWrongTokenIsToldInWords() {
        typeTheSimulatorsAccount();
        viewModel.secretProperty().set("not the token");

        viewModel.testConnection();

        assertThat(viewModel.noticeProperty().get().problem()).isTrue();
        assertThat(viewModel.noticeProperty().get().text()).doesNotContain("not the token").containsIgnoringCase("token");
        assertThat(viewModel.testingProperty().get()).isFalse();
    }
}
