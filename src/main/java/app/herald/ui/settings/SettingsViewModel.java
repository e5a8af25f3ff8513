package app.herald.ui.settings;

import app.herald.contacts.Country;
import app.herald.message.Price;
import app.herald.settings.ChannelKind;
import app.herald.settings.MessagePace;
import app.herald.settings.QuietHours;
import app.herald.settings.Mode;
import app.herald.settings.PriceSetting;
import app.herald.settings.ReplyKeywords;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioCredentials;
import app.herald.settings.TwilioSettings;
import app.herald.settings.TwilioSettingsStore;
import app.herald.settings.TwilioSid;
import app.herald.settings.UiPreferences;
import app.herald.twilio.GatewayException;
import app.herald.twilio.MessagingChannel;
import app.herald.twilio.NotifyChannel;
import app.herald.twilio.ServiceCheck;
import app.herald.ui.common.Notice;
import app.herald.ui.common.PhoneInput;
import app.herald.ui.common.ScreenWork;
import app.herald.ui.common.Tasks;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings: the Twilio account, the service to send through (a Messaging Service, or Notify) and
 * the pace of a Messaging Service's senders, the person's own number, the price per segment and
 * the default country. Every field is checked as it is typed; "Test connection" asks Twilio
 * with what is typed; saving keeps the secret in the secret store and applies the choice between
 * LIVE and SIMULATION at once.
 */
public final class SettingsViewModel {

    /** Fetches the service typed, with what is typed: "test connection". */
    public interface ServiceChecker {
        ServiceCheck check(TwilioCredentials credentials) throws GatewayException;
    }

    /** Quiet hours as Settings offers them: off (any hour), the US rule, a stricter one. */
    public static final List<Optional<QuietHours>> QUIET_CHOICES = List.of(Optional.empty(), Optional.of(QuietHours.US_RULE),
            Optional.of(QuietHours.STRICTER));

    /** The paces a person chooses from, as Settings lists them. */
    public static final List<MessagePace> PACES = List.of(MessagePace.US_LONG_CODE, MessagePace.TOLL_FREE,
            MessagePace.SHORT_CODE);

    private final TwilioSettingsStore store;
    private final UiPreferences preferences;
    private final Map<String, String> environment;
    private final ServiceChecker checker;
    private final ObjectProperty<TwilioChoice> choice;
    private final ResourceBundle bundle;
    private final Tasks tasks;
    private final ScreenWork work;

    private final StringProperty accountSid = new SimpleStringProperty("");
    private final BooleanProperty useApiKey = new SimpleBooleanProperty();
    private final StringProperty apiKeySid = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper secretSaved = new ReadOnlyBooleanWrapper();
    /** Whether the kept secret is an API key's (else the Auth Token): one never works as the other. */
    private final BooleanProperty savedSecretIsApiKeys = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Boolean> secretInOsStore = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ChannelKind> channel = new SimpleObjectProperty<>(ChannelKind.MESSAGES);
    private final StringProperty messagingServiceSid = new SimpleStringProperty("");
    private final StringProperty notifyServiceSid = new SimpleStringProperty("");
    private final ObjectProperty<MessagePace> pace = new SimpleObjectProperty<>();
    private final ObjectProperty<Optional<QuietHours>> quietHours = new SimpleObjectProperty<>(Optional.empty());
    private final PhoneInput ownNumber;
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final StringProperty pricePerSegment = new SimpleStringProperty("");
    private final StringProperty optOutWords = new SimpleStringProperty("");
    private final StringProperty optInWords = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("");
    private final ObjectProperty<Country> defaultCountry = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final StringBinding problem;
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;

    public SettingsViewModel(TwilioSettingsStore store, UiPreferences preferences, Map<String, String> environment,
            ServiceChecker checker, ObjectProperty<TwilioChoice> choice, Tasks tasks,
            ResourceBundle bundle) {
        this.store = Objects.requireNonNull(store);
        this.preferences = Objects.requireNonNull(preferences);
        this.environment = Map.copyOf(environment);
        this.checker = Objects.requireNonNull(checker);
        this.choice = Objects.requireNonNull(choice);
        this.bundle = Objects.requireNonNull(bundle);
        this.tasks = Objects.requireNonNull(tasks);
        this.work = new ScreenWork(tasks);
        defaultCountry.set(preferences.defaultCountry().orElse(null));
        ownNumber = new PhoneInput(defaultCountry.get(), bundle);
        ownNumber.countryProperty().bind(defaultCountry);
        Price price = preferences.price();
        pricePerSegment.set(price.perSegment().toPlainString());
        currency.set(price.currency().getCurrencyCode());
        pace.set(preferences.messagePace());
        quietHours.set(preferences.quietHours());
        ReplyKeywords keywords = preferences.replyKeywords();
        optOutWords.set(ReplyKeywords.shown(keywords.optOut()));
        optInWords.set(ReplyKeywords.shown(keywords.optIn()));
        problem = Bindings.createStringBinding(this::firstProblem, accountSid, useApiKey, apiKeySid, secret, secretSaved,
                savedSecretIsApiKeys, channel, messagingServiceSid, notifyServiceSid, ownNumber.validBinding(),
                ownNumber.textProperty(), live, pricePerSegment, currency, pace, optOutWords, optInWords);
        canSave = problem.isEmpty().and(work.busyProperty().not());
        canTest = Bindings.createBooleanBinding(this::testable, accountSid, useApiKey, apiKeySid, secret,
                secretSaved, savedSecretIsApiKeys, channel, messagingServiceSid, notifyServiceSid).and(testing.not());
    }

    /** Reads what is saved; the secret itself never comes back into a field, only whether one is kept. */
    public void load() {
        work.read(() -> new Saved(store.load(), store.secret().isPresent(), store.usesOsStore()), saved -> {
            TwilioSettings settings = saved.settings();
            accountSid.set(settings.accountSid());
            useApiKey.set(!settings.apiKeySid().isEmpty());
            apiKeySid.set(settings.apiKeySid());
            channel.set(settings.channel());
            messagingServiceSid.set(settings.messagingServiceSid());
            notifyServiceSid.set(settings.notifyServiceSid());
            ownNumber.textProperty().set(settings.ownNumber());
            live.set(settings.live());
            secret.set("");
            savedSecretIsApiKeys.set(useApiKey.get());
            secretSaved.set(saved.secretKept());
            secretInOsStore.set(saved.osStore());
        });
    }

    private record Saved(TwilioSettings settings, boolean secretKept, boolean osStore) {
    }

    /** The first field that cannot be saved as it is, in words; empty when all can. */
    private String firstProblem() {
        if (!accountSid.get().isBlank() && !TwilioSid.ACCOUNT.matches(accountSid.get())) {
            return bundle.getString("settings.problem.account");
        }
        if (useApiKey.get() && !TwilioSid.API_KEY.matches(apiKeySid.get())) {
            return bundle.getString("settings.problem.apiKey");
        }
        if (!messagingServiceSid.get().isBlank() && !TwilioSid.MESSAGING_SERVICE.matches(messagingServiceSid.get())) {
            return bundle.getString("settings.problem.messagingService");
        }
        if (!notifyServiceSid.get().isBlank() && !TwilioSid.NOTIFY_SERVICE.matches(notifyServiceSid.get())) {
            return bundle.getString("settings.problem.service");
        }
        if (pace.get() == null) {
            return bundle.getString("settings.problem.pace");
        }
        if (secret.get().isBlank() && secretSaved.get() && useApiKey.get() != savedSecretIsApiKeys.get()) {
            return bundle.getString(useApiKey.get() ? "settings.problem.typeApiKeySecret" : "settings.problem.typeAuthToken");
        }
        if (live.get() && (accountSid.get().isBlank() || chosenServiceSid().isBlank() || !secretAvailable())) {
            return bundle.getString("settings.problem.liveIncomplete");
        }
        if (!ownNumber.textProperty().get().isBlank() && !ownNumber.validBinding().get()) {
            return MessageFormat.format(bundle.getString("settings.problem.ownNumber"), ownNumber.feedbackBinding().get());
        }
        Optional<String> price = PriceSetting.problem(pricePerSegment.get(), currency.get())
                .map(problem -> bundle.getString(problem == PriceSetting.Problem.CURRENCY
                        ? "settings.problem.currency" : "settings.problem.price"));
        return price.orElseGet(this::keywordsProblem);
    }

    /** Why the reply words cannot be kept, in Twilio's terms; empty when they can. */
    private String keywordsProblem() {
        try {
            ReplyKeywords.parse(optOutWords.get(), optInWords.get());
            return "";
        } catch (IllegalArgumentException e) {
            return MessageFormat.format(bundle.getString("settings.problem.keywords"), e.getMessage());
        }
    }

    private boolean secretAvailable() {
        return !secret.get().isBlank() || secretSaved.get() && useApiKey.get() == savedSecretIsApiKeys.get();
    }

    private String chosenServiceSid() {
        return channel.get() == ChannelKind.MESSAGES ? messagingServiceSid.get() : notifyServiceSid.get();
    }

    private TwilioSettings typedSettings() {
        return new TwilioSettings(accountSid.get(), useApiKey.get() ? apiKeySid.get() : "", messagingServiceSid.get(),
                notifyServiceSid.get(), channel.get(), ownNumber.textProperty().get().isBlank() ? "" : ownNumber.e164(),
                live.get());
    }

    /** Whether every part of the credentials is typed (or the secret kept) and well formed. */
    private boolean testable() {
        return TwilioSid.ACCOUNT.matches(accountSid.get())
                && channel.get().isServiceSid(chosenServiceSid())
                && (!useApiKey.get() || TwilioSid.API_KEY.matches(apiKeySid.get()))
                && secretAvailable();
    }

    /**
     * Asks Twilio for the service chosen, with what is typed. A Messaging Service: its name, its
     * senders, whether it logs replies (a warning when not: STOP replies would go unseen), its Smart
     * Encoding and validity period. A Notify service: its name and the Messaging Service it sends
     * SMS through, or a warning when it has none (Notify then cannot send SMS).
     */
    public void testConnection() {
        if (!canTest.get()) {
            return;
        }
        TwilioSettings settings = typedSettings();
        String typedSecret = secret.get();
        testing.set(true);
        tasks.run(() -> {
                    Optional<String> secretToUse = typedSecret.isBlank() ? store.secret() : Optional.of(typedSecret.strip());
                    TwilioCredentials credentials = settings.credentials(secretToUse).orElseThrow(
                            () -> new IllegalStateException(bundle.getString("settings.problem.secretLost")));
                    return checker.check(credentials);
                })
                .onSuccess(service -> work.tell(describe(service)))
                .onError(failure -> work.tell(Notice.problem(failure)))
                .andFinally(() -> testing.set(false))
                .start();
    }

    private Notice describe(ServiceCheck check) {
        if (check instanceof MessagingChannel.ServiceInfo service) {
            String validity = service.validityPeriodSeconds() == null ? "?"
                    : String.format("%.1f", service.validityPeriodSeconds() / 3600.0).replace(".0", "");
            String text = MessageFormat.format(bundle.getString("settings.test.messaging"), service.friendlyName(),
                    service.sid(), service.senders(), bundle.getString(service.smartEncoding()
                            ? "settings.test.smartEncoding.on" : "settings.test.smartEncoding.off"), validity);
            return service.logsReplies() && service.senders() > 0 ? Notice.info(text)
                    : new Notice(text + " " + bundle.getString(service.senders() == 0 ? "settings.test.noSenders"
                            : "settings.test.noReplies"), true);
        }
        NotifyChannel.ServiceInfo service = (NotifyChannel.ServiceInfo) check;
        if (service.messagingServiceSid() == null || service.messagingServiceSid().isBlank()) {
            return new Notice(MessageFormat.format(bundle.getString("settings.test.noMessagingService"),
                    service.friendlyName(), service.sid()), true);
        }
        return Notice.info(MessageFormat.format(bundle.getString("settings.test.ok"), service.friendlyName(), service.sid(),
                service.messagingServiceSid()));
    }

    /** Keeps everything, then applies the choice between LIVE and SIMULATION to the next send. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        TwilioSettings settings = typedSettings();
        Optional<String> newSecret = secret.get().isBlank() ? Optional.empty() : Optional.of(secret.get().strip());
        Price price = PriceSetting.parse(pricePerSegment.get(), currency.get());
        MessagePace chosenPace = pace.get();
        Optional<QuietHours> chosenQuiet = quietHours.get() == null ? Optional.empty() : quietHours.get();
        ReplyKeywords keywords = ReplyKeywords.parse(optOutWords.get(), optInWords.get());
        Country country = defaultCountry.get();
        work.change(() -> {
            store.save(settings, newSecret);
            preferences.setPrice(price);
            preferences.setMessagePace(chosenPace);
            preferences.setQuietHours(chosenQuiet);
            preferences.setReplyKeywords(keywords);
            if (country != null) {
                preferences.setDefaultCountry(country);
            }
            preferences.save();
            return store.choice(environment, Optional.empty());
        }, applied -> {
            choice.set(applied);
            secret.set("");
            if (newSecret.isPresent()) {
                savedSecretIsApiKeys.set(!settings.apiKeySid().isEmpty());
            }
            secretSaved.set(secretSaved.get() || newSecret.isPresent());
            ownNumber.textProperty().set(settings.ownNumber());
            work.tell(Notice.info(bundle.getString(applied.mode() == Mode.LIVE ? "settings.saved.live"
                    : "settings.saved.simulation")));
        });
    }

    /** Saving now would move sending from the simulator to Twilio: the screen asks first. */
    public boolean saveSwitchesToLive() {
        return live.get() && choice.get().mode() == Mode.SIMULATION;
    }

    /** The environment's credentials win over these settings; the screen says so. */
    public boolean environmentDecides() {
        return choice.get().fromEnvironment();
    }

    /**
     * True when the secret goes to the OS credential store, false when to an owner-only file of
     * the data folder (the screen warns); null until {@link #load()} has asked.
     */
    public ReadOnlyObjectProperty<Boolean> secretInOsStoreProperty() {
        return secretInOsStore.getReadOnlyProperty();
    }

    public StringProperty accountSidProperty() {
        return accountSid;
    }

    public BooleanProperty useApiKeyProperty() {
        return useApiKey;
    }

    public StringProperty apiKeySidProperty() {
        return apiKeySid;
    }

    /** A new Auth Token or API secret; blank keeps the one saved. */
    public StringProperty secretProperty() {
        return secret;
    }

    public ReadOnlyBooleanProperty secretSavedProperty() {
        return secretSaved.getReadOnlyProperty();
    }

    /** Which service sends: a Messaging Service (the default for a new setup) or Notify. */
    public ObjectProperty<ChannelKind> channelProperty() {
        return channel;
    }

    public StringProperty messagingServiceSidProperty() {
        return messagingServiceSid;
    }

    public StringProperty notifyServiceSidProperty() {
        return notifyServiceSid;
    }

    /** How fast LIVE messages go through the Messaging Service. */
    public ObjectProperty<MessagePace> paceProperty() {
        return pace;
    }

    /** The hours messages through a Messaging Service may arrive in each recipient's time; empty: any hour. */
    public ObjectProperty<Optional<QuietHours>> quietHoursProperty() {
        return quietHours;
    }

    public PhoneInput ownNumber() {
        return ownNumber;
    }

    /** Whether sending goes to Twilio once saved; the simulator otherwise. */
    public BooleanProperty liveProperty() {
        return live;
    }

    /** The words that, as a whole reply, opt a person out: separated by commas or spaces. */
    public StringProperty optOutWordsProperty() {
        return optOutWords;
    }

    /** The words that, as a whole reply, opt a person back in. */
    public StringProperty optInWordsProperty() {
        return optInWords;
    }

    public StringProperty pricePerSegmentProperty() {
        return pricePerSegment;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<Country> defaultCountryProperty() {
        return defaultCountry;
    }

    /** What stops saving, in words; empty when nothing does. */
    public StringBinding problemBinding() {
        return problem;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canTestBinding() {
        return canTest;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return work.noticeProperty();
    }
}
