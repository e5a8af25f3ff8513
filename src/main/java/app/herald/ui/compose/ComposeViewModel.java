package app.herald.ui.compose;

import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.Quote;
import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.contacts.ContactFields;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.message.DraftStore;
import app.herald.message.MessageAnalyser;
import app.herald.message.MessageAnalysis;
import app.herald.message.NonGsmCharacter;
import app.herald.message.PersonalMessage;
import app.herald.message.PersonalTexts;
import app.herald.message.Price;
import app.herald.message.Template;
import app.herald.message.TemplateException;
import app.herald.message.Templates;
import app.herald.ui.common.Notice;
import app.herald.ui.common.ScreenWork;
import app.herald.ui.common.Tasks;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composer's state: the message and its live analysis (plain and as Smart Encoding sends it),
 * the chosen lists and who they reach, the estimated cost, the draft kept on disk as it is typed,
 * and the saved templates. The analysis is computation only and runs as the person types; every
 * read and write of data runs through {@link Tasks}.
 */
public final class ComposeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeViewModel.class);

    private final RecipientLists recipientLists;
    private final Audience audience;
    private final BroadcastService broadcasts;
    private final Templates templates;
    private final DraftStore drafts;
    private final Supplier<Price> price;
    private final Tasks tasks;
    private final ScreenWork work;
    private final ResourceBundle bundle;

    private final StringProperty body = new SimpleStringProperty("");
    private final BooleanProperty smartEncoding = new SimpleBooleanProperty();
    private final ObjectBinding<MessageAnalysis> plain;
    private final ObjectBinding<MessageAnalysis> sent;
    private final ObservableList<RecipientList> lists = FXCollections.observableArrayList();
    /** The chosen lists, by id and by name: an import puts a new list (a new id) in an old one's place. */
    private final Map<Long, String> chosenLists = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<AudienceCount> reach = new ReadOnlyObjectWrapper<>(AudienceCount.NONE);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PersonalTexts> personal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper personalProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper countingTexts = new ReadOnlyBooleanWrapper();
    /** The fields the chosen lists' contacts can fill in a message, for the composer's menu. */
    private final ObservableList<String> fields = FXCollections.observableArrayList(ContactFields.BUILT_IN);
    private final ObjectBinding<BigDecimal> cost;
    private final ObservableList<Template> savedTemplates = FXCollections.observableArrayList();
    private final BooleanBinding canSend;

    private long countGeneration;
    /** Counting each recipient's text reads every one: one count at a time, and one more when something changed meanwhile. */
    private boolean textsRunning;
    private boolean draftLoaded;
    private boolean savingDraft;
    private String draftOnDisk = "";

    public ComposeViewModel(RecipientLists recipientLists, Audience audience, BroadcastService broadcasts, Templates templates,
            DraftStore drafts, Supplier<Price> price, Tasks tasks, ResourceBundle bundle) {
        this.recipientLists = Objects.requireNonNull(recipientLists);
        this.audience = Objects.requireNonNull(audience);
        this.broadcasts = Objects.requireNonNull(broadcasts);
        this.templates = Objects.requireNonNull(templates);
        this.drafts = Objects.requireNonNull(drafts);
        this.price = Objects.requireNonNull(price);
        this.tasks = Objects.requireNonNull(tasks);
        this.work = new ScreenWork(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        plain = Bindings.createObjectBinding(() -> MessageAnalyser.analyse(body.get()), body);
        sent = Bindings.createObjectBinding(() -> MessageAnalyser.analyse(body.get(), smartEncoding.get()), body, smartEncoding);
        cost = Bindings.createObjectBinding(() -> personalCounted()
                ? price.get().estimate(1, personal.get().totalSegments())
                : price.get().estimate(sent.get().segments(), reach.get().recipients()), sent, reach, personal);
        canSend = Bindings.createBooleanBinding(() -> !body.get().isBlank() && !plain.get().tooLong()
                && reach.get().recipients() > 0 && !counting.get()
                && (!isPersonal() || personalCounted() && !countingTexts.get() && !personal.get().anyTooLong()),
                body, plain, reach, counting, personal, countingTexts);
        body.addListener((observable, previous, text) -> {
            saveDraft();
            countTexts();
        });
        smartEncoding.addListener(observable -> countTexts());
    }

    /** Reads the draft, the lists and the templates; call once when the screen opens. */
    public void load() {
        work.read(drafts::load, draft -> {
            if (body.get().isEmpty()) {
                body.set(draft);
            }
            draftOnDisk = draft;
            draftLoaded = true;
        });
        refreshLists();
        refreshTemplates();
    }

    /** Reads the lists again (they may have changed on the Lists screen), keeping the chosen ones that remain. */
    public void refreshLists() {
        work.read(recipientLists::all, all -> {
            lists.setAll(all);
            Map<Long, String> stillThere = new LinkedHashMap<>();
            for (RecipientList list : all) {
                if (chosenLists.containsKey(list.id()) || chosenLists.containsValue(list.name())) {
                    stillThere.put(list.id(), list.name());
                }
            }
            chosenLists.clear();
            chosenLists.putAll(stillThere);
            recount();
        });
    }

    /** Writes the draft in the background; while a write runs, later text waits for the next one (no pile-up). */
    private void saveDraft() {
        if (!draftLoaded || savingDraft || body.get().equals(draftOnDisk)) {
            return;
        }
        savingDraft = true;
        String text = body.get();
        tasks.run(() -> {
                    drafts.save(text);
                    return text;
                })
                .onSuccess(saved -> draftOnDisk = saved)
                .onError(problem -> {
                    LOG.warn("Could not save the draft", problem);
                    work.tell(Notice.problem(problem));
                })
                .andFinally(() -> {
                    savingDraft = false;
                    if (!body.get().equals(draftOnDisk)) {
                        saveDraft();
                    }
                })
                .start();
    }

    public void choose(RecipientList list, boolean chosen) {
        boolean changed = chosen ? chosenLists.put(list.id(), list.name()) == null : chosenLists.remove(list.id()) != null;
        if (changed) {
            recount();
        }
    }

    public boolean isChosen(RecipientList list) {
        return chosenLists.containsKey(list.id());
    }

    private void recount() {
        long asked = ++countGeneration;
        List<Long> ids = List.copyOf(chosenLists.keySet());
        counting.set(true);
        tasks.run(() -> Map.entry(audience.count(ids), audience.fields(ids)))
                .onSuccess(counted -> {
                    if (asked == countGeneration) {
                        reach.set(counted.getKey());
                        fields.setAll(counted.getValue());
                    }
                })
                .onError(problem -> work.tell(Notice.problem(problem)))
                .andFinally(() -> {
                    if (asked == countGeneration) {
                        counting.set(false);
                    }
                })
                .start();
        countTexts();
    }

    /** The message names a field: each recipient gets a text of their own. */
    public boolean isPersonal() {
        return PersonalMessage.of(body.get()).isPersonal();
    }

    /** Each recipient's text is counted for the message, lists and encoding as they are now. */
    private boolean personalCounted() {
        return personal.get() != null && personal.get().isFor(body.get(), smartEncoding.get());
    }

    /**
     * Counts each recipient's text in the background (the longest, the segments of all), or says in
     * words why it cannot be sent (a field the lists do not have, Notify, a text past 1,600).
     */
    private void countTexts() {
        if (!isPersonal() || chosenLists.isEmpty()) {
            personal.set(null);
            personalProblem.set("");
            return;
        }
        if (textsRunning) {
            // the count on its way sees, when it ends, that the message or the lists changed
            return;
        }
        String text = body.get();
        boolean smart = smartEncoding.get();
        List<Long> ids = List.copyOf(chosenLists.keySet());
        textsRunning = true;
        countingTexts.set(true);
        tasks.run(() -> broadcasts.personalTexts(text, ids, smart))
                .onSuccess(texts -> {
                    personal.set(texts);
                    personalProblem.set(texts.anyTooLong() ? MessageFormat.format(bundle.getString("compose.personal.tooLong"),
                            texts.tooLongCount(), PhoneNumbers.forPeople(texts.tooLong().get(0).e164())) : "");
                })
                .onError(problem -> {
                    personal.set(null);
                    personalProblem.set(problem.getMessage());
                })
                .andFinally(() -> {
                    textsRunning = false;
                    if (!text.equals(body.get()) || smart != smartEncoding.get()
                            || !ids.equals(List.copyOf(chosenLists.keySet()))) {
                        countTexts();
                    } else {
                        countingTexts.set(false);
                    }
                })
                .start();
    }

    /** Puts {field} where the caret is, or in place of the selection. @return where the caret goes after it */
    public int insertField(String field, int from, int to) {
        String text = body.get();
        String inserted = "{" + field + "}";
        body.set(text.substring(0, from) + inserted + text.substring(to));
        return from + inserted.length();
    }

    /** Replaces every occurrence of a character that forces UCS-2 by its GSM look-alike. */
    public void replace(NonGsmCharacter character) {
        if (character.lookAlike() != null) {
            body.set(body.get().replace(character.text(), character.lookAlike()));
        }
    }

    /** Replaces every character that has a GSM look-alike. */
    public void replaceAllLookAlikes() {
        String text = body.get();
        for (NonGsmCharacter character : plain.get().nonGsm()) {
            if (character.lookAlike() != null) {
                text = text.replace(character.text(), character.lookAlike());
            }
        }
        body.set(text);
    }

    /**
     * What the send dialog confirms: the message to the chosen lists, counted as they were just
     * now, with Smart Encoding when it is on, exactly as the broadcast will record it.
     */
    public Quote quote() {
        return broadcasts.quote(body.get(), List.copyOf(chosenLists.keySet()), smartEncoding.get(), reach.get(),
                isPersonal() ? personal.get() : null);
    }

    /** A message within the limit, and somebody to send it to. */
    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** True when a change leaves the body within Twilio's limit; the text area refuses the others. */
    public static boolean fits(String newBody) {
        return newBody.codePointCount(0, newBody.length()) <= MessageAnalysis.MAX_BODY_CHARACTERS;
    }

    /**
     * Saves the text under {@code name}: over the template of that name the person sees, else as a new
     * one. When someone else changed it meanwhile nothing is written, and the templates are read again.
     */
    public void saveTemplate(String name) {
        String text = body.get();
        Optional<Template> replacing = savedTemplates.stream()
                .filter(template -> template.name().equalsIgnoreCase(name.strip()))
                .findFirst();
        changeTemplates(() -> templates.save(name, text, replacing),
                MessageFormat.format(bundle.getString("compose.template.saved"), name.strip()));
    }

    public void useTemplate(Template template) {
        body.set(template.body());
    }

    public void deleteTemplate(Template template) {
        changeTemplates(() -> templates.delete(template),
                MessageFormat.format(bundle.getString("compose.template.deleted"), template.name()));
    }

    /** Reads the templates again (another desktop may have changed them). */
    public void refreshTemplates() {
        work.read(templates::all, savedTemplates::setAll);
    }

    /** Makes the change, then reads the templates again, also when it was refused: the person then sees what someone else saved. */
    private void changeTemplates(Runnable change, String done) {
        work.change(() -> {
            Notice said;
            try {
                change.run();
                said = Notice.info(done);
            } catch (TemplateException refused) {
                said = Notice.problem(refused);
            }
            return new TemplatesAfter(templates.all(), said);
        }, after -> {
            savedTemplates.setAll(after.all());
            work.tell(after.said());
        });
    }

    private record TemplatesAfter(List<Template> all, Notice said) {
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public BooleanProperty smartEncodingProperty() {
        return smartEncoding;
    }

    /** The message as typed. */
    public ObjectBinding<MessageAnalysis> plainAnalysis() {
        return plain;
    }

    /** The message as it will be sent: with Smart Encoding when that is on. */
    public ObjectBinding<MessageAnalysis> sentAnalysis() {
        return sent;
    }

    public ObservableList<RecipientList> lists() {
        return lists;
    }

    public ReadOnlyObjectProperty<AudienceCount> reachProperty() {
        return reach.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** segments × recipients × price per segment. */
    public ObjectBinding<BigDecimal> costBinding() {
        return cost;
    }

    /** Each recipient's text, counted; null when the message names no field, or while not counted. */
    public ReadOnlyObjectProperty<PersonalTexts> personalProperty() {
        return personal.getReadOnlyProperty();
    }

    /** Why a personal message cannot go, in words; empty when it can (or names no field). */
    public ReadOnlyStringProperty personalProblemProperty() {
        return personalProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingTextsProperty() {
        return countingTexts.getReadOnlyProperty();
    }

    /** The fields the chosen lists can fill: first and last name, name, and the columns their imports kept. */
    public ObservableList<String> fields() {
        return fields;
    }

    public Price price() {
        return price.get();
    }

    public ObservableList<Template> templates() {
        return savedTemplates;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return work.noticeProperty();
    }
}
