package app.herald.ui.send;

import static app.herald.ui.common.Nodes.showOnlyWhen;

import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Quote;
import app.herald.contacts.PhoneNumbers;
import app.herald.message.PersonalTexts;
import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import app.herald.ui.common.NoticeLabels;
import app.herald.ui.send.SendViewModel.Phase;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Wires the send dialog: the confirmation, then the sampled progress and the outcome. */
public final class SendController {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** Recipients named whose text turns UCS-2; the rest are counted. */
    private static final int UCS2_NAMED = 5;

    private final SendViewModel viewModel;
    private final ResourceBundle bundle;
    private final Runnable close;

    @FXML private VBox confirmPane;
    @FXML private Label bodyLabel;
    @FXML private HBox previewBox;
    @FXML private Label previewLabel;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label personalLabel;
    @FXML private Label recipientsLabel;
    @FXML private Label segmentsLabel;
    @FXML private Label costLabel;
    @FXML private Label modeLabel;
    @FXML private CheckBox liveCheck;
    @FXML private HBox whenBox;
    @FXML private RadioButton nowRadio;
    @FXML private RadioButton laterRadio;
    @FXML private DatePicker laterDate;
    @FXML private TextField laterTime;
    @FXML private ComboBox<String> laterZone;
    @FXML private Label scheduleLabel;
    @FXML private Label quietLabel;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testSpinner;
    @FXML private VBox progressPane;
    @FXML private Label progressTitle;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label outcomeLabel;
    @FXML private ListView<String> eventList;
    @FXML private Label noticeLabel;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private Button resumeButton;
    @FXML private Button closeButton;
    @FXML private Button sendButton;

    public SendController(SendViewModel viewModel, ResourceBundle bundle, Runnable close) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.close = Objects.requireNonNull(close);
    }

    @FXML
    private void initialize() {
        Quote plan = viewModel.quote();
        bindPreview(plan);
        recipientsLabel.setText(plan.resumes()
                ? MessageFormat.format(bundle.getString("send.confirm.resume"), plan.recipients(), plan.broadcastId())
                : MessageFormat.format(bundle.getString("send.confirm.recipients"), plan.recipients(), plan.duplicates(),
                        plan.optedOut()));
        segmentsLabel.setText(plan.isPersonal()
                ? MessageFormat.format(bundle.getString("send.confirm.segments.personal"), plan.totalSegments(),
                        plan.segments(), plan.encoding().label())
                : MessageFormat.format(text("send.confirm.segments", plan), plan.segments(), plan.encoding().label(),
                        plan.requests()));
        costLabel.setText(MessageFormat.format(bundle.getString("send.confirm.cost"), plan.costText())
                + (plan.paceSeconds() == 0 ? "" : " " + MessageFormat.format(bundle.getString("send.confirm.duration"),
                        roughly(plan.paceSeconds()))));
        boolean live = viewModel.mode() == Mode.LIVE;
        modeLabel.setText(bundle.getString(live ? "send.confirm.live" : "send.confirm.simulation"));
        modeLabel.getStyleClass().add(live ? "mode-live-warning" : "mode-simulation-note");
        liveCheck.setVisible(live);
        liveCheck.setManaged(live);
        liveCheck.selectedProperty().bindBidirectional(viewModel.liveConfirmedProperty());
        bindWhen(plan);

        var phase = viewModel.phaseProperty();
        showOnlyWhen(confirmPane, phase.isEqualTo(Phase.CONFIRM));
        showOnlyWhen(progressPane, phase.isNotEqualTo(Phase.CONFIRM));
        showOnlyWhen(sendButton, phase.isEqualTo(Phase.CONFIRM));
        sendButton.disableProperty().bind(viewModel.canSendBinding().not());
        showOnlyWhen(pauseButton, phase.isEqualTo(Phase.SENDING));
        showOnlyWhen(stopButton, phase.isEqualTo(Phase.SENDING));
        pauseButton.disableProperty().bind(viewModel.preparingProperty());
        stopButton.disableProperty().bind(viewModel.preparingProperty());
        showOnlyWhen(resumeButton, viewModel.outcomeProperty().isEqualTo(BroadcastState.PAUSED));
        testButton.disableProperty().bind(viewModel.testingProperty());
        showOnlyWhen(testSpinner, viewModel.testingProperty());
        closeButton.textProperty().bind(Bindings.when(phase.isEqualTo(Phase.CONFIRM))
                .then(bundle.getString("send.cancel")).otherwise(bundle.getString("send.close")));
        closeButton.disableProperty().bind(phase.isEqualTo(Phase.SENDING));
        bindProgress(plan);
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
    }

    /**
     * The message; for a personal one, the text of one real recipient at a time (previous, next),
     * and who gets a text that turns UCS-2.
     */
    private void bindPreview(Quote plan) {
        bodyLabel.textProperty().bind(Bindings.createStringBinding(viewModel::previewText, viewModel.previewedProperty()));
        boolean personal = viewModel.previewable() > 0;
        previewBox.setVisible(personal);
        previewBox.setManaged(personal);
        previousButton.setDisable(viewModel.previewable() < 2);
        nextButton.setDisable(viewModel.previewable() < 2);
        previewLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            PersonalTexts.Sample shown = viewModel.previewedSample();
            return shown == null ? "" : MessageFormat.format(bundle.getString("send.preview.to"),
                    shown.name() == null ? "" : shown.name(), PhoneNumbers.forPeople(shown.e164()),
                    viewModel.previewedProperty().get() + 1, viewModel.previewable());
        }, viewModel.previewedProperty()));
        String ucs2 = plan.isPersonal() ? ucs2Words(plan.personal()) : "";
        personalLabel.setText(ucs2);
        personalLabel.setVisible(!ucs2.isEmpty());
        personalLabel.setManaged(!ucs2.isEmpty());
    }

    /** "3 texts go as UCS-2, 70 characters a segment: Zoë Müller (+49 …), …". */
    private String ucs2Words(PersonalTexts texts) {
        if (texts.ucs2Count() == 0) {
            return "";
        }
        String who = texts.ucs2().stream().limit(UCS2_NAMED)
                .map(sample -> (sample.name() == null ? "" : sample.name() + " ") + "(" + PhoneNumbers.forPeople(sample.e164()) + ")")
                .collect(Collectors.joining(", "));
        return MessageFormat.format(bundle.getString("send.preview.ucs2"), texts.ucs2Count(), who,
                Math.max(0, texts.ucs2Count() - UCS2_NAMED));
    }

    /** Send now, or at a date, time and zone; a resumed broadcast keeps the time it was given. */
    private void bindWhen(Quote plan) {
        whenBox.setVisible(!plan.resumes());
        whenBox.setManaged(!plan.resumes());
        ToggleGroup when = new ToggleGroup();
        nowRadio.setToggleGroup(when);
        laterRadio.setToggleGroup(when);
        laterRadio.selectedProperty().bindBidirectional(viewModel.sendLaterProperty());
        nowRadio.setSelected(!viewModel.sendLaterProperty().get());
        var now = laterRadio.selectedProperty().not();
        laterDate.valueProperty().bindBidirectional(viewModel.laterDateProperty());
        laterTime.textProperty().bindBidirectional(viewModel.laterTimeProperty());
        laterZone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        laterZone.valueProperty().bindBidirectional(viewModel.laterZoneProperty());
        for (var field : List.of(laterDate, laterTime, laterZone)) {
            field.disableProperty().bind(now);
        }
        scheduleLabel.textProperty().bind(Bindings.when(viewModel.scheduleProblemProperty().isEmpty())
                .then(viewModel.scheduleNoteProperty()).otherwise(viewModel.scheduleProblemProperty()));
        scheduleLabel.getStyleClass().add("schedule-note");
        showOnlyWhen(scheduleLabel, scheduleLabel.textProperty().isNotEmpty());
        quietLabel.textProperty().bind(viewModel.quietNoteProperty());
        showOnlyWhen(quietLabel, quietLabel.textProperty().isNotEmpty());
        viewModel.scheduleProblemProperty().addListener((observable, before, problem) ->
                scheduleLabel.pseudoClassStateChanged(PROBLEM, !problem.isEmpty()));
    }

    private void bindProgress(Quote plan) {
        Timeline sampler = new Timeline(new KeyFrame(javafx.util.Duration.millis(200), event -> viewModel.sampleProgress()));
        sampler.setCycleCount(Timeline.INDEFINITE);
        viewModel.phaseProperty().addListener((observable, previous, phase) -> {
            if (phase == Phase.SENDING) {
                sampler.play();
            } else {
                sampler.stop();
            }
        });
        var total = viewModel.totalProperty();
        var preparing = viewModel.preparingProperty();
        progressBar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> preparing.get() ? ProgressBar.INDETERMINATE_PROGRESS
                        : total.get() == 0 ? 0 : (double) viewModel.endedProperty().get() / total.get(),
                viewModel.endedProperty(), total, preparing));
        progressLabel.textProperty().bind(Bindings.createStringBinding(() -> progressText(plan), viewModel.endedProperty(),
                total, viewModel.acceptedProperty(), viewModel.elapsedSecondsProperty(), viewModel.perSecondProperty(),
                viewModel.remainingSecondsProperty(), preparing));
        outcomeLabel.textProperty().bind(Bindings.createStringBinding(() -> outcomeText(plan), viewModel.outcomeProperty()));
        progressTitle.textProperty().bind(Bindings.when(viewModel.phaseProperty().isEqualTo(Phase.DONE))
                .then(bundle.getString("send.done")).otherwise(bundle.getString("send.sending")));
        eventList.setItems(viewModel.events());
    }

    /** What the send came to; handed to Twilio for later, when it goes and who holds it. */
    private String outcomeText(Quote plan) {
        BroadcastState outcome = viewModel.outcomeProperty().get();
        if (outcome == null) {
            return "";
        }
        if (outcome == BroadcastState.FINISHED && viewModel.sendLaterProperty().get()) {
            return viewModel.scheduleNoteProperty().get();
        }
        return text("send.outcome." + outcome.name(), plan);
    }

    private String progressText(Quote plan) {
        if (viewModel.preparingProperty().get()) {
            return MessageFormat.format(bundle.getString("send.preparing"), plan.recipients());
        }
        long remaining = viewModel.remainingSecondsProperty().get();
        return MessageFormat.format(text("send.progress", plan), viewModel.endedProperty().get(),
                viewModel.totalProperty().get(), viewModel.acceptedProperty().get(),
                clock(viewModel.elapsedSecondsProperty().get()),
                remaining < 0 ? bundle.getString("send.remainingUnknown") : clock(remaining),
                viewModel.perSecondProperty().get());
    }

    /** The words for this channel: the Messaging channel counts messages where Notify counts batches. */
    private String text(String key, Quote plan) {
        String messages = key + ".messages";
        return plan.channel() == ChannelKind.MESSAGES && bundle.containsKey(messages)
                ? bundle.getString(messages) : bundle.getString(key);
    }

    /** "about 2 h 47 min", "about 5 min", "under a minute". */
    private String roughly(long seconds) {
        Duration duration = Duration.ofSeconds(seconds);
        if (duration.toMinutes() < 1) {
            return bundle.getString("send.duration.underAMinute");
        }
        return duration.toHours() == 0
                ? MessageFormat.format(bundle.getString("send.duration.minutes"), duration.toMinutes())
                : MessageFormat.format(bundle.getString("send.duration.hours"), duration.toHours(), duration.toMinutesPart());
    }

    private static String clock(long seconds) {
        Duration duration = Duration.ofSeconds(seconds);
        return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }

    @FXML
    private void send() {
        viewModel.send();
    }

    @FXML
    private void previewPrevious() {
        viewModel.previewPrevious();
    }

    @FXML
    private void previewNext() {
        viewModel.previewNext();
    }

    @FXML
    private void sendTest() {
        viewModel.sendTest();
    }

    @FXML
    private void resume() {
        viewModel.resume();
    }

    @FXML
    private void pause() {
        viewModel.pause();
    }

    @FXML
    private void stop() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        close.run();
    }
}
