package app.herald.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.Audience;
import app.herald.contacts.OptOuts;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.ImportProgress;
import app.herald.contacts.csv.ImportRequest;
import app.herald.contacts.csv.KeptColumns;
import app.herald.message.DraftStore;
import app.herald.message.Encoding;
import app.herald.message.PersonalTexts;
import app.herald.message.Price;
import app.herald.message.Templates;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnections;
import app.herald.ui.common.SameThreadTasks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composer without a Stage: real H2, a real draft file, work run in the test's thread. */
class ComposeViewModelTest {

    @TempDir
    Path folder;

    private Database database;
    private final TwilioConnections twilio = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of());
    private ComposeViewModel viewModel;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("herald"));
        viewModel = newViewModel();
    }

    private ComposeViewModel newViewModel() {
        return new ComposeViewModel(new RecipientLists(database.jdbi()), new Audience(database.jdbi()),
                TestBroadcasts.service(database.jdbi(), twilio), new Templates(database.jdbi()), new DraftStore(folder.resolve("draft.txt")), () -> Price.TWILIO_US_LIST_PRICE,
                SameThreadTasks.create(), ResourceBundle.getBundle("app.herald.ui.messages"));
    }

    @AfterEach
    void close() {
        twilio.close();
        database.close();
    }

    private void addContacts(String listName, int from, int count) {
        TestContacts.list(database.jdbi(), listName, from, count);
    }

    private RecipientList list(String name) {
        return viewModel.lists().stream().filter(list -> list.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theCountFollowsTheTextAndSmartEncoding() {
        viewModel.load();
        viewModel.bodyProperty().set("It’s on – see you…");

        assertThat(viewModel.plainAnalysis().get().encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(viewModel.plainAnalysis().get().nonGsm()).extracting(c -> c.text()).containsExactly("’", "–", "…");
        viewModel.smartEncodingProperty().set(true);
        assertThat(viewModel.sentAnalysis().get().encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(viewModel.sentAnalysis().get().characters()).isEqualTo(20);

        viewModel.replace(viewModel.plainAnalysis().get().nonGsm().get(0));
        assertThat(viewModel.bodyProperty().get()).isEqualTo("It's on – see you…");
        viewModel.replaceAllLookAlikes();
        assertThat(viewModel.bodyProperty().get()).isEqualTo("It's on - see you...");
        assertThat(viewModel.plainAnalysis().get().encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void aChosenListStaysChosenWhenAnImportPutsANewListInItsPlace() throws Exception {
        addContacts("Parents", 1, 100);
        viewModel.load();
        viewModel.choose(list("Parents"), true);
        long before = list("Parents").id();
        Path file = Files.writeString(folder.resolve("more.csv"), "Name,Mobile\r\nNew parent,+1 415 555 0199\r\n");
        ContactFiles.Inspection inspection = ContactFiles.inspect(file);
        new ContactImporter(database.jdbi()).importFile(new ImportRequest(file, inspection.format(), inspection.guess(), "US",
                "Parents", true), new ImportProgress());

        viewModel.refreshLists();

        assertThat(list("Parents").id()).as("the import made a new list").isNotEqualTo(before);
        assertThat(viewModel.isChosen(list("Parents"))).isTrue();
        assertThat(viewModel.reachProperty().get().recipients()).isEqualTo(101);
    }

    @Test
    void recipientsAreCountedOnceAndNeverOptedOutAndTheCostFollows() {
        addContacts("Parents", 1, 100);
        addContacts("Teachers", 91, 20);
        new OptOuts(database.jdbi()).add("+14152000005", "STOP", "test");
        viewModel.load();
        viewModel.bodyProperty().set("x".repeat(200));

        viewModel.choose(list("Parents"), true);
        viewModel.choose(list("Teachers"), true);

        assertThat(viewModel.reachProperty().get().contacts()).isEqualTo(120);
        assertThat(viewModel.reachProperty().get().duplicates()).isEqualTo(10);
        assertThat(viewModel.reachProperty().get().optedOut()).isEqualTo(1);
        assertThat(viewModel.reachProperty().get().recipients()).isEqualTo(109);
        assertThat(viewModel.costBinding().get()).isEqualByComparingTo(new BigDecimal("1.81"));

        viewModel.choose(list("Parents"), false);
        assertThat(viewModel.reachProperty().get().recipients()).isEqualTo(20);
    }

    @Test
    void theDraftIsOnDiskAsItIsTypedAndComesBack() throws Exception {
        viewModel.load();
        viewModel.bodyProperty().set("Reminder: school closes at noon");

        assertThat(Files.readString(folder.resolve("draft.txt"))).isEqualTo("Reminder: school closes at noon");
        ComposeViewModel afterRestart = newViewModel();
        afterRestart.load();
        assertThat(afterRestart.bodyProperty().get()).isEqualTo("Reminder: school closes at noon");
    }

    @Test
    void templatesAreSavedUsedReplacedAndDeleted() {
        viewModel.load();
        viewModel.bodyProperty().set("Closed tomorrow");
        viewModel.saveTemplate("Closure");
        viewModel.bodyProperty().set("Closed all week");
        viewModel.saveTemplate("closure");
        viewModel.bodyProperty().set("");

        assertThat(viewModel.templates()).singleElement().satisfies(template -> assertThat(template.body()).isEqualTo("Closed all week"));
        viewModel.useTemplate(viewModel.templates().get(0));
        assertThat(viewModel.bodyProperty().get()).isEqualTo("Closed all week");
        viewModel.deleteTemplate(viewModel.templates().get(0));
        assertThat(viewModel.templates()).isEmpty();
        assertThat(viewModel.noticeProperty().get().text()).isEqualTo("Deleted the template \u201cClosure\u201d.");
    }

    @Test
    void aTemplateSomeoneElseChangedIsNotOverwrittenAndTheirsIsShown() {
        viewModel.load();
        viewModel.bodyProperty().set("Closed tomorrow");
        viewModel.saveTemplate("Closure");
        Templates otherDesktop = new Templates(database.jdbi());
        otherDesktop.save("Closure", "Closed until Monday", Optional.of(otherDesktop.all().get(0)));

        viewModel.bodyProperty().set("Closed all week");
        viewModel.saveTemplate("Closure");

        assertThat(viewModel.noticeProperty().get().text()).startsWith("Someone else changed or deleted the template \u201cClosure\u201d");
        assertThat(viewModel.noticeProperty().get().problem()).isTrue();
        assertThat(viewModel.templates()).singleElement().satisfies(template -> assertThat(template.body()).isEqualTo("Closed until Monday"));
        assertThat(viewModel.bodyProperty().get()).isEqualTo("Closed all week");
    }

    @Test
    void aPersonalMessageIsCountedTextByTextAndRefusedThroughNotify() throws Exception {
        Path file = Files.writeString(folder.resolve("clinic.csv"), "First name,Mobile,Room\r\nAna,415 555 0132,4\r\n"
                + "Zoë,415 555 0133,12\r\n,415 555 0134,\r\n");
        ContactFiles.Inspection inspection = ContactFiles.inspect(file);
        new ContactImporter(database.jdbi()).importFile(new ImportRequest(file, inspection.format(),
                inspection.guess().keeping(KeptColumns.named(inspection.preview().header(), List.of("Room"))), "US",
                "Clinic", true), new ImportProgress());
        try (TwilioConnections messaging = new TwilioConnections(TwilioChoice.simulation(ChannelKind.MESSAGES), Map.of())) {
            ComposeViewModel composer = new ComposeViewModel(new RecipientLists(database.jdbi()), new Audience(database.jdbi()),
                    TestBroadcasts.service(database.jdbi(), messaging), new Templates(database.jdbi()),
                    new DraftStore(folder.resolve("draft2.txt")), () -> Price.TWILIO_US_LIST_PRICE, SameThreadTasks.create(),
                    ResourceBundle.getBundle("app.herald.ui.messages"));
            composer.load();
            composer.choose(composer.lists().get(0), true);
            assertThat(composer.fields()).containsExactly("first_name", "last_name", "name", "room");

            composer.bodyProperty().set("Hi , you are in room {room|to be told}");
            int caret = composer.insertField("first_name", 3, 3);

            assertThat(composer.bodyProperty().get()).isEqualTo("Hi {first_name}, you are in room {room|to be told}");
            assertThat(caret).isEqualTo(15);
            PersonalTexts texts = composer.personalProperty().get();
            assertThat(texts.first()).extracting(PersonalTexts.Sample::text).containsExactly(
                    "Hi Ana, you are in room 4", "Hi Zoë, you are in room 12", "Hi , you are in room to be told");
            assertThat(texts.totalSegments()).isEqualTo(3);
            assertThat(texts.ucs2Count()).isEqualTo(1);
            assertThat(composer.canSendBinding().get()).isTrue();
            assertThat(composer.costBinding().get()).isEqualByComparingTo(Price.TWILIO_US_LIST_PRICE.estimate(1, 3));
            assertThat(composer.quote().isPersonal()).isTrue();

            composer.bodyProperty().set("Hi {frist_name}");
            assertThat(composer.personalProblemProperty().get()).startsWith("{frist_name} is not a field of the chosen lists.");
            assertThat(composer.canSendBinding().get()).isFalse();
        }
        viewModel.load();
        viewModel.choose(list("Clinic"), true);
        viewModel.bodyProperty().set("Hi {first_name}");
        assertThat(viewModel.personalProblemProperty().get()).startsWith("Personal messages need a Messaging Service");
        assertThat(viewModel.canSendBinding().get()).isFalse();
        viewModel.bodyProperty().set("Hi all");
        assertThat(viewModel.personalProblemProperty().get()).isEmpty();
        assertThat(viewModel.canSendBinding().get()).isTrue();
    }

    @Test
    void theTextAreaRefusesMoreThanTwilioTakes() {
        assertThat(ComposeViewModel.fits("a".repeat(1_600))).isTrue();
        assertThat(ComposeViewModel.fits("\uD83D\uDE00".repeat(1_600))).isTrue();
        assertThat(ComposeViewModel.fits("a".repeat(1_601))).isFalse();
    }
}
