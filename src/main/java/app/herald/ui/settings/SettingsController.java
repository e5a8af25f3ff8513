package app.herald.ui.settings;

import static app.herald.ui.common.Nodes.showOnlyWhen;

import app.herald.contacts.Country;
import app.herald.settings.ChannelKind;
import app.herald.settings.MessagePace;
import app.herald.settings.QuietHours;
import app.herald.ui.common.CountryChoices;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.NoticeLabels;
import java.text.MessageFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Wires the Settings screen to its view model; switching to LIVE is asked once more before it is saved. */
public final class SettingsController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final SettingsViewModel viewModel;
    private final Supplier<DataPlaceViewModel> dataPlace;
    private final ResourceBundle bundle;

    @FXML private BorderPane root;
    @FXML private RadioButton simulationChoice;
    @FXML private RadioButton liveChoice;
    @FXML private Label environmentNote;
    @FXML private TextField accountField;
    @FXML private CheckBox apiKeyBox;
    @FXML private Label apiKeyLabel;
    @FXML private TextField apiKeyField;
    @FXML private Label secretLabel;
    @FXML private PasswordField secretField;
    @FXML private RadioButton messagingChoice;
    @FXML private RadioButton notifyChoice;
    @FXML private Label messagingServiceLabel;
    @FXML private TextField messagingServiceField;
    @FXML private Label notifyServiceLabel;
    @FXML private TextField notifyServiceField;
    @FXML private Label paceLabel;
    @FXML private VBox paceBoxes;
    @FXML private ComboBox<MessagePace> paceBox;
    @FXML private ComboBox<Optional<QuietHours>> quietBox;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testSpinner;
    @FXML private Label secretStoreLabel;
    @FXML private TextField ownNumberField;
    @FXML private Label ownNumberFeedback;
    @FXML private ComboBox<Country> countryBox;
    @FXML private TextField priceField;
    @FXML private TextField currencyField;
    @FXML private Button replyWordsButton;
    @FXML private Label problemLabel;
    @FXML private Label noticeLabel;
    @FXML private ProgressIndicator saveSpinner;
    @FXML private Button saveButton;

    /** @param dataPlace the view model of "Where Herald keeps its data", made each time its dialog opens */
    public SettingsController(SettingsViewModel viewModel, Supplier<DataPlaceViewModel> dataPlace, ResourceBundle bundle) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.dataPlace = Objects.requireNonNull(dataPlace);
        this.bundle = Objects.requireNonNull(bundle);
    }

    @FXML
    private void initialize() {
        bindMode();
        bindTwilio();
        ownNumberField.textProperty().bindBidirectional(viewModel.ownNumber().textProperty());
        ownNumberFeedback.textProperty().bind(viewModel.ownNumber().feedbackBinding());
        CountryChoices.fill(countryBox);
        countryBox.valueProperty().bindBidirectional(viewModel.defaultCountryProperty());
        priceField.textProperty().bindBidirectional(viewModel.pricePerSegmentProperty());
        currencyField.textProperty().bindBidirectional(viewModel.currencyProperty());
        replyWordsButton.setTooltip(new Tooltip(bundle.getString("settings.replies.hint")));

        problemLabel.textProperty().bind(viewModel.problemBinding());
        showOnlyWhen(problemLabel, viewModel.problemBinding().isNotEmpty());
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
        saveButton.disableProperty().bind(viewModel.canSaveBinding().not());
        showOnlyWhen(saveSpinner, viewModel.busyProperty());
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                save();
                event.consume();
            }
        });
        viewModel.load();
    }

    private void bindMode() {
        ToggleGroup modes = new ToggleGroup();
        simulationChoice.setToggleGroup(modes);
        liveChoice.setToggleGroup(modes);
        liveChoice.selectedProperty().bindBidirectional(viewModel.liveProperty());
        simulationChoice.setSelected(!viewModel.liveProperty().get());
        viewModel.liveProperty().addListener((observable, was, live) -> simulationChoice.setSelected(!live));
        boolean fromEnvironment = viewModel.environmentDecides();
        environmentNote.setVisible(fromEnvironment);
        environmentNote.setManaged(fromEnvironment);
        simulationChoice.setDisable(fromEnvironment);
        liveChoice.setDisable(fromEnvironment);
    }

    private void bindTwilio() {
        accountField.textProperty().bindBidirectional(viewModel.accountSidProperty());
        apiKeyBox.selectedProperty().bindBidirectional(viewModel.useApiKeyProperty());
        apiKeyField.textProperty().bindBidirectional(viewModel.apiKeySidProperty());
        showOnlyWhen(apiKeyLabel, viewModel.useApiKeyProperty());
        showOnlyWhen(apiKeyField, viewModel.useApiKeyProperty());
        secretLabel.textProperty().bind(Bindings.when(viewModel.useApiKeyProperty())
                .then(bundle.getString("settings.apiKeySecret")).otherwise(bundle.getString("settings.authToken")));
        secretField.textProperty().bindBidirectional(viewModel.secretProperty());
        secretField.promptTextProperty().bind(Bindings.when(viewModel.secretSavedProperty())
                .then(bundle.getString("settings.secret.saved")).otherwise(bundle.getString("settings.secret.none")));
        bindService();
        testButton.disableProperty().bind(viewModel.canTestBinding().not());
        showOnlyWhen(testSpinner, viewModel.testingProperty());
        showOnlyWhen(secretStoreLabel, viewModel.secretInOsStoreProperty().isNotNull());
        viewModel.secretInOsStoreProperty().addListener((observable, previous, osStore) -> {
            if (osStore != null) {
                secretStoreLabel.setText(bundle.getString(osStore ? "settings.secret.osStore" : "settings.secret.file"));
                secretStoreLabel.getStyleClass().removeAll("muted", "warning");
                secretStoreLabel.getStyleClass().add(osStore ? "muted" : "warning");
            }
        });
    }

    /** The radio buttons choose the channel; only the chosen service's SID (and, for messages, the pace) shows. */
    private void bindService() {
        ToggleGroup services = new ToggleGroup();
        messagingChoice.setToggleGroup(services);
        notifyChoice.setToggleGroup(services);
        Runnable show = () -> (viewModel.channelProperty().get() == ChannelKind.NOTIFY ? notifyChoice : messagingChoice)
                .setSelected(true);
        show.run();
        viewModel.channelProperty().addListener((observable, was, now) -> show.run());
        services.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now != null) {
                viewModel.channelProperty().set(now == notifyChoice ? ChannelKind.NOTIFY : ChannelKind.MESSAGES);
            }
        });
        BooleanBinding messages = viewModel.channelProperty().isEqualTo(ChannelKind.MESSAGES);
        messagingServiceField.textProperty().bindBidirectional(viewModel.messagingServiceSidProperty());
        notifyServiceField.textProperty().bindBidirectional(viewModel.notifyServiceSidProperty());
        showOnlyWhen(messagingServiceLabel, messages);
        showOnlyWhen(messagingServiceField, messages);
        showOnlyWhen(notifyServiceLabel, messages.not());
        showOnlyWhen(notifyServiceField, messages.not());
        showOnlyWhen(paceLabel, messages);
        showOnlyWhen(paceBoxes, messages);
        paceBox.getItems().setAll(SettingsViewModel.PACES);
        if (!SettingsViewModel.PACES.contains(viewModel.paceProperty().get())) {
            paceBox.getItems().add(viewModel.paceProperty().get());
        }
        paceBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(MessagePace pace) {
                return pace == null ? "" : describe(pace);
            }

            @Override
            public MessagePace fromString(String text) {
                return null;
            }
        });
        paceBox.valueProperty().bindBidirectional(viewModel.paceProperty());
        quietBox.getItems().setAll(SettingsViewModel.QUIET_CHOICES);
        quietBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<QuietHours> hours) {
                if (hours == null || hours.isEmpty()) {
                    return bundle.getString("settings.quiet.off");
                }
                return MessageFormat.format(bundle.getString(hours.get().equals(QuietHours.US_RULE) ? "settings.quiet.us"
                        : hours.get().equals(QuietHours.STRICTER) ? "settings.quiet.stricter" : "settings.quiet.other"),
                        hours.get().words());
            }

            @Override
            public Optional<QuietHours> fromString(String text) {
                return null;
            }
        });
        if (!quietBox.getItems().contains(viewModel.quietHoursProperty().get())) {
            quietBox.getItems().add(viewModel.quietHoursProperty().get());
        }
        quietBox.valueProperty().bindBidirectional(viewModel.quietHoursProperty());
    }

    private String describe(MessagePace pace) {
        if (pace.equals(MessagePace.US_LONG_CODE)) {
            return bundle.getString("settings.pace.usLongCode");
        }
        if (pace.equals(MessagePace.TOLL_FREE)) {
            return bundle.getString("settings.pace.tollFree");
        }
        if (pace.equals(MessagePace.SHORT_CODE)) {
            return bundle.getString("settings.pace.shortCode");
        }
        return MessageFormat.format(bundle.getString("settings.pace.other"), pace.perSecond(), pace.senders());
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void save() {
        if (!viewModel.canSaveBinding().get()) {
            return;
        }
        if (viewModel.saveSwitchesToLive() && !Dialogs.confirm(root, bundle.getString("settings.live.title"),
                bundle.getString("settings.live.question"), bundle.getString("settings.live.action"))) {
            return;
        }
        viewModel.save();
    }

    /**
     * The words a whole reply opts out or back in with, in a small dialog of their own (Settings has
     * no room left at 720 pixels); kept with the rest when Settings are saved.
     */
    @FXML
    private void editDataPlace() {
        new DataPlaceDialog(dataPlace.get(), bundle).showAndWait(root.getScene().getWindow());
    }

    @FXML
    private void editReplyWords() {
        TextField optOut = new TextField(viewModel.optOutWordsProperty().get());
        optOut.setId("optOutWordsField");
        TextField optIn = new TextField(viewModel.optInWordsProperty().get());
        optIn.setId("optInWordsField");
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        fields.addRow(0, new Label(bundle.getString("settings.replies.optOut")), optOut);
        fields.addRow(1, new Label(bundle.getString("settings.replies.optIn")), optIn);
        Label hint = new Label(bundle.getString("settings.replies.hint") + " " + bundle.getString("settings.replies.tooltip"));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        fields.add(hint, 0, 2, 2, 1);
        GridPane.setHgrow(optOut, Priority.ALWAYS);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(bundle.getString("settings.replies"));
        dialog.getDialogPane().setId("replyWordsDialog");
        dialog.getDialogPane().setContent(fields);
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            viewModel.optOutWordsProperty().set(optOut.getText());
            viewModel.optInWordsProperty().set(optIn.getText());
        }
    }
}
