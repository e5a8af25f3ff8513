package app.herald.ui.compose;

import static app.herald.ui.common.Nodes.showOnlyWhen;

import app.herald.broadcast.Quote;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.contacts.RecipientList;
import app.herald.message.MessageAnalysis;
import app.herald.message.NonGsmCharacter;
import app.herald.message.PersonalTexts;
import app.herald.message.Template;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.NoticeLabels;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Wires the composer: the text and its live counter, the characters that force UCS-2, the lists, the cost, templates. */
public final class ComposeController {

    private final ComposeViewModel viewModel;
    private final ResourceBundle bundle;
    private final Consumer<Quote> send;

    @FXML private BorderPane root;
    @FXML private TextArea messageArea;
    @FXML private Label counterLabel;
    @FXML private MenuButton fieldMenu;
    @FXML private Label personalLabel;
    @FXML private Label personalProblemLabel;
    @FXML private CheckBox smartEncodingBox;
    @FXML private Label smartCounterLabel;
    @FXML private Label warningLabel;
    @FXML private VBox nonGsmPane;
    @FXML private FlowPane nonGsmChips;
    @FXML private Button replaceAllButton;
    @FXML private ComboBox<Template> templateBox;
    @FXML private Button useTemplateButton;
    @FXML private Button deleteTemplateButton;
    @FXML private Button saveTemplateButton;
    @FXML private ListView<RecipientList> listChoices;
    @FXML private Label reachLabel;
    @FXML private ProgressIndicator countingIndicator;
    @FXML private Label reachDetailLabel;
    @FXML private Label costLabel;
    @FXML private Label costDetailLabel;
    @FXML private Label noticeLabel;
    @FXML private Button sendButton;

    /** @param send opens the send dialog on what the composer holds */
    public ComposeController(ComposeViewModel viewModel, ResourceBundle bundle, Consumer<Quote> send) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.send = Objects.requireNonNull(send);
    }

    @FXML
    private void initialize() {
        bindMessage();
        bindFields();
        bindNonGsm();
        bindTemplates();
        bindRecipients();
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
        sendButton.disableProperty().bind(viewModel.canSendBinding().not());
        // lists change on the Lists screen: read them again each time this screen is shown
        root.parentProperty().addListener((observable, previous, parent) -> {
            if (parent != null) {
                viewModel.refreshLists();
            }
        });
        viewModel.load();
    }

    private void bindMessage() {
        messageArea.setTextFormatter(new TextFormatter<String>(change ->
                ComposeViewModel.fits(change.getControlNewText()) ? change : null));
        messageArea.textProperty().bindBidirectional(viewModel.bodyProperty());
        counterLabel.textProperty().bind(Bindings.createStringBinding(
                () -> counter("compose.counter", viewModel.plainAnalysis().get()), viewModel.plainAnalysis()));
        smartEncodingBox.selectedProperty().bindBidirectional(viewModel.smartEncodingProperty());
        smartCounterLabel.textProperty().bind(Bindings.createStringBinding(
                () -> counter("compose.smartCounter", viewModel.sentAnalysis().get()), viewModel.sentAnalysis()));
        showOnlyWhen(smartCounterLabel, viewModel.smartEncodingProperty());
        warningLabel.textProperty().bind(Bindings.createStringBinding(this::warning, viewModel.plainAnalysis()));
        showOnlyWhen(warningLabel, warningLabel.textProperty().isNotEmpty());
    }

    /** The menu of fields the chosen lists can fill, and what a personal message makes for its recipients. */
    private void bindFields() {
        viewModel.fields().addListener((ListChangeListener<String>) change -> fillFieldMenu());
        fillFieldMenu();
        personalLabel.textProperty().bind(Bindings.createStringBinding(this::personalWords, viewModel.personalProperty(),
                viewModel.countingTextsProperty(), viewModel.bodyProperty()));
        showOnlyWhen(personalLabel, personalLabel.textProperty().isNotEmpty());
        personalProblemLabel.textProperty().bind(viewModel.personalProblemProperty());
        showOnlyWhen(personalProblemLabel, personalProblemLabel.textProperty().isNotEmpty());
    }

    private void fillFieldMenu() {
        fieldMenu.getItems().clear();
        for (String field : viewModel.fields()) {
            MenuItem item = new MenuItem("{" + field + "}");
            item.setOnAction(event -> {
                int caret = viewModel.insertField(field, messageArea.getSelection().getStart(), messageArea.getSelection().getEnd());
                messageArea.positionCaret(caret);
                messageArea.requestFocus();
            });
            fieldMenu.getItems().add(item);
        }
        MenuItem hint = new MenuItem(bundle.getString("compose.fields.fallbackHint"));
        hint.setDisable(true);
        fieldMenu.getItems().addAll(new SeparatorMenuItem(), hint);
    }

    private String personalWords() {
        if (!viewModel.isPersonal()) {
            return "";
        }
        PersonalTexts texts = viewModel.personalProperty().get();
        if (viewModel.countingTextsProperty().get() || texts == null) {
            return viewModel.personalProblemProperty().get().isEmpty() ? bundle.getString("compose.personal.counting") : "";
        }
        if (texts.longest() == null) {
            return "";
        }
        MessageAnalysis longest = texts.longest().analysis();
        String words = MessageFormat.format(bundle.getString("compose.personal.counted"), longest.bodyLength(),
                longest.segments(), longest.encoding().label(), texts.totalSegments(), texts.recipients());
        return texts.ucs2Count() == 0 ? words
                : words + MessageFormat.format(bundle.getString("compose.personal.ucs2"), texts.ucs2Count());
    }

    private String counter(String key, MessageAnalysis analysis) {
        return MessageFormat.format(bundle.getString(key), analysis.lastSegmentUsed(), analysis.lastSegmentCapacity(),
                analysis.segments(), analysis.encoding().label());
    }

    private String warning() {
        MessageAnalysis analysis = viewModel.plainAnalysis().get();
        if (analysis.bodyLength() >= MessageAnalysis.MAX_BODY_CHARACTERS) {
            return bundle.getString("compose.limit");
        }
        return analysis.characters() > MessageAnalysis.LONG_MESSAGE_CHARACTERS
                ? MessageFormat.format(bundle.getString("compose.long"), analysis.characters(), analysis.segments()) : "";
    }

    /** One button per different character that forces UCS-2: a click replaces it, or shows where it is. */
    private void bindNonGsm() {
        viewModel.plainAnalysis().addListener((observable, previous, analysis) -> showNonGsm(analysis));
        showNonGsm(viewModel.plainAnalysis().get());
    }

    private void showNonGsm(MessageAnalysis analysis) {
        Map<String, NonGsmCharacter> distinct = new LinkedHashMap<>();
        analysis.nonGsm().forEach(character -> distinct.putIfAbsent(character.text(), character));
        nonGsmChips.getChildren().clear();
        for (NonGsmCharacter character : distinct.values()) {
            Button chip = new Button(character.lookAlike() == null
                    ? MessageFormat.format(bundle.getString("compose.nonGsm.noLookAlike"), character.text())
                    : MessageFormat.format(bundle.getString("compose.nonGsm.replace"), character.text(), character.lookAlike()));
            chip.getStyleClass().add("non-gsm-chip");
            chip.setOnAction(event -> {
                if (character.lookAlike() == null) {
                    messageArea.selectRange(character.index(), character.index() + character.text().length());
                    messageArea.requestFocus();
                } else {
                    viewModel.replace(character);
                }
            });
            nonGsmChips.getChildren().add(chip);
        }
        boolean any = !distinct.isEmpty();
        nonGsmPane.setVisible(any);
        nonGsmPane.setManaged(any);
        replaceAllButton.setDisable(distinct.values().stream().noneMatch(character -> character.lookAlike() != null));
    }

    private void bindTemplates() {
        templateBox.setItems(viewModel.templates());
        templateBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Template template) {
                return template == null ? "" : template.name();
            }

            @Override
            public Template fromString(String name) {
                return null;
            }
        });
        var none = templateBox.valueProperty().isNull();
        useTemplateButton.disableProperty().bind(none);
        deleteTemplateButton.disableProperty().bind(none);
        saveTemplateButton.disableProperty().bind(viewModel.bodyProperty().isEmpty());
    }

    private void bindRecipients() {
        listChoices.setItems(viewModel.lists());
        listChoices.setCellFactory(CheckBoxListCell.forListView(list -> {
            SimpleBooleanProperty chosen = new SimpleBooleanProperty(viewModel.isChosen(list));
            chosen.addListener((observable, was, is) -> viewModel.choose(list, is));
            return chosen;
        }, new StringConverter<>() {
            @Override
            public String toString(RecipientList list) {
                return list == null ? "" : list.name() + " (" + String.format("%,d", list.contacts()) + ")";
            }

            @Override
            public RecipientList fromString(String text) {
                return null;
            }
        }));
        countingIndicator.visibleProperty().bind(viewModel.countingProperty());
        reachLabel.textProperty().bind(Bindings.createStringBinding(this::reach, viewModel.reachProperty()));
        reachDetailLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            AudienceCount count = viewModel.reachProperty().get();
            return count.contacts() == 0 ? bundle.getString("compose.noLists") : MessageFormat.format(
                    bundle.getString("compose.reachDetail"), count.contacts(), count.duplicates(), count.optedOut());
        }, viewModel.reachProperty()));
        costLabel.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                bundle.getString("compose.cost"), viewModel.price().format(viewModel.costBinding().get())),
                viewModel.costBinding()));
        costDetailLabel.textProperty().bind(Bindings.createStringBinding(this::costDetail,
                viewModel.sentAnalysis(), viewModel.reachProperty(), viewModel.personalProperty()));
    }

    private String costDetail() {
        String perSegment = viewModel.price().format(viewModel.price().perSegment());
        PersonalTexts texts = viewModel.personalProperty().get();
        if (viewModel.isPersonal() && texts != null) {
            return MessageFormat.format(bundle.getString("compose.costDetail.personal"), texts.totalSegments(), perSegment);
        }
        return MessageFormat.format(bundle.getString("compose.costDetail"), viewModel.sentAnalysis().get().segments(),
                viewModel.reachProperty().get().recipients(), perSegment);
    }

    private String reach() {
        return MessageFormat.format(bundle.getString("compose.reach"), viewModel.reachProperty().get().recipients());
    }

    @FXML
    private void send() {
        send.accept(viewModel.quote());
    }

    @FXML
    private void replaceAll() {
        viewModel.replaceAllLookAlikes();
    }

    @FXML
    private void useTemplate() {
        viewModel.useTemplate(templateBox.getValue());
    }

    @FXML
    private void deleteTemplate() {
        Template template = templateBox.getValue();
        if (Dialogs.confirm(root, bundle.getString("compose.template.delete"),
                MessageFormat.format(bundle.getString("compose.template.delete.question"), template.name()),
                bundle.getString("compose.template.delete"))) {
            viewModel.deleteTemplate(template);
        }
    }

    @FXML
    private void saveTemplate() {
        Dialogs.askText(root, bundle.getString("compose.template.name.title"), bundle.getString("compose.template.name.header"),
                        bundle.getString("lists.name.label"), "")
                .ifPresent(viewModel::saveTemplate);
    }
}
