package app.herald.broadcast;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactFields;
import app.herald.contacts.ContactQuery;
import app.herald.contacts.Contacts;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.ImportProblem;
import app.herald.contacts.csv.ImportProgress;
import app.herald.contacts.csv.ImportRequest;
import app.herald.contacts.csv.KeptColumns;
import app.herald.message.Encoding;
import app.herald.message.MessageAnalyser;
import app.herald.message.PersonalTexts;
import app.herald.message.Price;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Hi Ana" instead of "Hi": a real file imported with its names and a kept column, each person's
 * text counted and sent through a Messaging Service, against the simulator with the real SDK.
 */
class PersonalMessagesTest {

    private static final String TEMPLATE =
            "Hi {first_name|there}, your appointment at the clinic is {appointment_time|soon}. Reply STOP to end.";
    /** What each number must receive, from the file below: Zoë's is UCS-2 and 71 characters, two segments. */
    private static final Map<String, String> EXPECTED = Map.of(
            "+14155550132", "Hi Ana, your appointment at the clinic is Tue 10:30. Reply STOP to end.",
            "+4915142883039", "Hi Zoë, your appointment at the clinic is Wed 09:00. Reply STOP to end.",
            "+48512345678", "Hi Łukasz, your appointment at the clinic is soon. Reply STOP to end.",
            "+14155550134", "Hi there, your appointment at the clinic is Thu 14:00. Reply STOP to end.");

    @TempDir
    Path folder;

    private TwilioSimulator simulator;
    private Database database;
    private TwilioConnections twilio;
    private BroadcastService broadcasts;
    private long list;

    @BeforeEach
    void open() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        database = TestDatabases.open(folder.resolve("herald"));
        twilio = TestBroadcasts.throughMessagingService(simulator);
        broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
        list = importClinic();
    }

    @AfterEach
    void close() {
        twilio.close();
        database.close();
        simulator.close();
    }

    private long importClinic() throws Exception {
        Path file = Files.writeString(folder.resolve("clinic.csv"), """
                First Name,Last Name,Mobile,Appointment time,Notes\r
                Ana,Alvarez,(415) 555-0132,Tue 10:30,first visit\r
                Zoë,Müller,+49 151 42883039,Wed 09:00,\r
                Łukasz,Nowak,+48 512 345 678,,\r
                ,Kim,415 555 0134,Thu 14:00,\r
                Ana,Again,415.555.0132,Fri 08:00,a duplicate: the first row stays\r
                """, StandardCharsets.UTF_8);
        ContactFiles.Inspection inspection = ContactFiles.inspect(file);
        var mapping = inspection.guess().keeping(KeptColumns.named(inspection.preview().header(), List.of("appointment TIME")));
        new ContactImporter(database.jdbi()).importFile(
                new ImportRequest(file, inspection.format(), mapping, "US", "Clinic", false), new ImportProgress());
        return new RecipientLists(database.jdbi()).find("Clinic").orElseThrow().id();
    }

    @Test
    void anImportKeepsFirstAndLastNamesAndTheColumnsTicked() {
        RecipientList clinic = new RecipientLists(database.jdbi()).find("Clinic").orElseThrow();
        assertThat(clinic.fields()).containsExactly("first_name", "last_name", "appointment_time");
        Map<String, ContactFields> byNumber = new Contacts(database.jdbi()).after(ContactQuery.all(list), 0, 10).stream()
                .collect(Collectors.toMap(Contact::e164, Contact::fields));

        assertThat(byNumber).hasSize(4);
        assertThat(byNumber.get("+14155550132")).isEqualTo(new ContactFields("Ana Alvarez", "Ana", "Alvarez",
                Map.of("appointment_time", "Tue 10:30")));
        assertThat(byNumber.get("+48512345678").extra()).as("an empty cell is no value").isEmpty();
        assertThat(byNumber.get("+14155550134").firstName()).isNull();
        assertThat(byNumber.get("+14155550134").name()).isEqualTo("Kim");
    }

    @Test
    void aColumnTheFileDoesNotHaveIsRefusedInWords() throws Exception {
        Path file = Files.writeString(folder.resolve("plain.csv"), "Name,Mobile\r\nAna,415 555 0132\r\n");
        List<String> header = ContactFiles.inspect(file).preview().header();

        assertThatThrownBy(() -> KeptColumns.named(header, List.of("Room")))
                .isInstanceOf(ImportProblem.class).hasMessage("The file has no column \"Room\". Its columns are: Name, Mobile.");
    }

    @Test
    void eachRequestCarriesThatPersonsTextAndTheSegmentsAreTheSumOfEachText() throws Exception {
        Quote quote = broadcasts.quote(TEMPLATE, List.of(list), false);

        assertThat(quote.isPersonal()).isTrue();
        long sum = EXPECTED.values().stream().mapToLong(text -> MessageAnalyser.analyse(text).segments()).sum();
        assertThat(quote.totalSegments()).isEqualTo(sum).isEqualTo(5);
        assertThat(quote.cost()).isEqualByComparingTo(Price.TWILIO_US_LIST_PRICE.estimate(1, sum));
        assertThat(quote.personal().ucs2()).extracting(PersonalTexts.Sample::name)
                .containsExactly("Łukasz Nowak", "Zoë Müller");
        assertThat(quote.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(quote.personal().first()).extracting(PersonalTexts.Sample::text)
                .containsExactlyInAnyOrderElementsOf(EXPECTED.values());

        long id = broadcasts.start(quote);
        // an edit after the confirmation changes nothing of what was confirmed
        Contact ana = new Contacts(database.jdbi()).after(ContactQuery.all(list), 0, 10).stream()
                .filter(contact -> contact.e164().equals("+14155550132")).findFirst().orElseThrow();
        new Contacts(database.jdbi()).update(ana, ana.e164(), new ContactFields("Anabel", "Anabel", null, Map.of()));
        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);

        assertThat(simulator.messages()).hasSize(4);
        assertThat(simulator.messages().stream().collect(Collectors.toMap(TwilioSimulator.Message::to,
                TwilioSimulator.Message::body))).isEqualTo(EXPECTED);
        BroadcastSummary summary = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(summary.body()).isEqualTo(TEMPLATE);
        assertThat(summary.segments()).as("the longest text's").isEqualTo(2);
        assertThat(summary.accepted()).isEqualTo(4);
    }

    @Test
    void aLostAnswerIsFoundInTwiliosLogByThePersonsOwnText() throws Exception {
        simulator.failNext(Fault.LOST_ANSWER, 2);
        long id = broadcasts.start(broadcasts.quote(TEMPLATE, List.of(list), false));

        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);

        assertThat(simulator.messageRequests()).as("nobody sent twice").isEqualTo(4);
        BroadcastSummary summary = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(summary.accepted()).isEqualTo(4);
        assertThat(summary.uncertain()).isZero();
    }

    @Test
    void aFieldTheListsDoNotHaveIsRefusedBeforeSending() {
        assertThatThrownBy(() -> broadcasts.quote("Hi {first_name}, room {room}", List.of(list), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("{room} is not a field of the chosen lists. A message to them can use {first_name}, {last_name},"
                        + " {name}, {appointment_time}.");
        assertThat(simulator.messageRequests()).isZero();
    }

    @Test
    void notifyRefusesFieldsWithTheReason() {
        try (TwilioConnections notify = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            BroadcastService throughNotify = TestBroadcasts.service(database.jdbi(), notify);

            assertThatThrownBy(() -> throughNotify.quote(TEMPLATE, List.of(list), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Personal messages need a Messaging Service: Notify sends one text to ten thousand");
            assertThat(throughNotify.quote("Hi everyone", List.of(list), false).isPersonal()).isFalse();
        }
    }

    @Test
    void aTextPastTwiliosLimitStopsTheSendBeforeAnythingIsWritten() {
        Contact ana = new Contacts(database.jdbi()).after(ContactQuery.all(list), 0, 10).get(0);
        new Contacts(database.jdbi()).update(ana, ana.e164(), new ContactFields("Ana", "Ana", null,
                Map.of("appointment_time", "t".repeat(ContactFields.MAX_KEPT_VALUE))));
        Quote quote = broadcasts.quote("x".repeat(1_500) + " {appointment_time}", List.of(list), false);

        assertThat(quote.personal().tooLongCount()).as("1,651 characters for the one with a long appointment").isEqualTo(1);
        assertThatThrownBy(() -> broadcasts.start(quote)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 of the messages would have more than 1,600 characters, which Twilio refuses (the first: to "
                        + ana.e164() + "). Shorten the message, or those contacts' fields.");
        assertThat(new Broadcasts(database.jdbi()).all()).isEmpty();
    }

    @Test
    void aContactEditedPastTwiliosLimitAfterTheQuoteStopsThePlanAndLeavesNothing() {
        Quote quote = broadcasts.quote("x".repeat(1_500) + " {appointment_time}", List.of(list), false);
        Contact ana = new Contacts(database.jdbi()).after(ContactQuery.all(list), 0, 10).get(0);
        new Contacts(database.jdbi()).update(ana, ana.e164(), new ContactFields("Ana", "Ana", null,
                Map.of("appointment_time", "t".repeat(ContactFields.MAX_KEPT_VALUE))));

        // the texts are made on the planner's reading thread: its refusal reaches the one who sends
        assertThatThrownBy(() -> broadcasts.start(quote)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The message to " + ana.e164() + " would have more than 1600 characters");
        assertThat(new Broadcasts(database.jdbi()).all()).isEmpty();
    }

    @Test
    void quotesAndCommasReachTheSnapshotAsTyped() {
        Contact ana = new Contacts(database.jdbi()).after(ContactQuery.all(list), 0, 10).get(0);
        String name = "Ana \"Nana\" Alvarez, Jr.";
        String time = "Tue, 10:30 (bring \"form B\"; ask for \"\"Dr. K\"\")";
        new Contacts(database.jdbi()).update(ana, ana.e164(), new ContactFields(name, "Ana", "Alvarez",
                Map.of("appointment_time", time)));

        long id = broadcasts.start(broadcasts.quote(TEMPLATE, List.of(list), false));

        // on PostgreSQL the snapshot goes in by COPY, as CSV: nothing of the text may be taken for its punctuation
        Map<String, Object> row = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT name, body FROM broadcast_recipient WHERE broadcast_id = :id AND e164 = :e164")
                .bind("id", id).bind("e164", ana.e164()).mapToMap().one());
        assertThat(row.get("name")).isEqualTo(name);
        assertThat(row.get("body")).isEqualTo("Hi Ana, your appointment at the clinic is " + time + ". Reply STOP to end.");
    }
}
