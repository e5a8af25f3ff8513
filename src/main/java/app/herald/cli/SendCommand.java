package app.herald.cli;

import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.QuietPreview;
import app.herald.broadcast.QuietRule;
import app.herald.broadcast.Quote;
import app.herald.broadcast.Schedule;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.core.HeraldCore;
import app.herald.files.FileWords;
import app.herald.message.MessageAnalysis;
import app.herald.message.PersonalTexts;
import app.herald.settings.ChannelKind;
import app.herald.settings.QuietHours;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends one message to the people of one or more lists: each number once, opted-out numbers never.",
            "LIVE through Twilio when TWILIO_* credentials are set, else to Herald's simulator (SIMULATION).",
            "Through a Messaging Service (one message per recipient) or Notify, as Settings or --channel say."})
final class SendCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "A list to send to; repeat for more.")
    private List<String> listNames;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Message message;

    @Option(names = "--yes", description = "Send without asking (scripts).")
    private boolean yes;

    @Option(names = "--at", paramLabel = "DATE_TIME", description = {"Send at this date and time (2026-12-24T09:00) instead of now.",
        "Through a Messaging Service Twilio holds the messages (15 minutes to 35 days ahead) and sends them with Herald"
            + " closed; through Notify Herald holds them, and this command runs until then."})
    private LocalDateTime at;

    @Option(names = "--zone", paramLabel = "ZONE", description = {"The time zone of --at, and of the numbers whose zone is not"
        + " known under --quiet-hours (default: this computer's, ${DEFAULT-VALUE})."})
    private ZoneId zone = ZoneId.systemDefault();

    @Option(names = "--quiet-hours", paramLabel = "FROM-TO", description = {"Messages arrive only within these hours in"
        + " each recipient's own time (08:00-21:00 is the US rule), in every zone of the number; each one outside them"
        + " waits for the first minute inside: as Twilio's SendAt through a Messaging Service; through Notify Herald"
        + " holds the batches of those numbers, and this command runs until the last has gone."})
    private String quietHours;

    @Option(names = "--channel", paramLabel = "CHANNEL", converter = ChannelOption.class,
            description = "messages (a Messaging Service, one message per recipient) or notify; default: as Settings say.")
    private ChannelKind channel;

    @Option(names = "--smart-encoding",
            description = "Count segments as a Messaging Service with Smart Encoding on sends the message.")
    private boolean smartEncoding;

    /** The message, typed or from a file. */
    static final class Message {
        @Option(names = "--message", paramLabel = "TEXT", description = "The message.")
        private String text;

        @Option(names = "--message-file", paramLabel = "FILE", description = "A UTF-8 file holding the message.")
        private Path file;

        String body() {
            // an editor ends a file with a line break nobody means to send
            return text != null ? text : FileWords.readUtf8(file).replaceFirst("(\\r?\\n)+$", "");
        }
    }

    @Override
    public Integer call() throws Exception {
        String body = message.body();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HeraldCore core = herald.openCore()) {
            if (channel != null) {
                ChannelOption.use(core, channel);
            }
            BroadcastService broadcasts = core.broadcasts();
            Quote quote = broadcasts.quote(body, listIds(core.lists()), smartEncoding);
            if (at != null) {
                quote = quote.at(Schedule.chosen(at, zone, Instant.now(), quote.channel()));
            }
            if (quietHours != null) {
                quote = quote.within(new QuietRule(QuietHours.parse(quietHours), zone));
            }
            long contacts = quote.recipients() + quote.duplicates() + quote.optedOut();
            String how = quote.channel() == ChannelKind.MESSAGES ? "through a Messaging Service, one message each"
                    : String.format("through Notify in %d batch%s", quote.requests(), quote.requests() == 1 ? "" : "es");
            String segments = quote.isPersonal()
                    ? String.format("personal messages of %,d segments in all", quote.totalSegments())
                    : String.format("%d segment%s (%s)", quote.segments(), quote.segments() == 1 ? "" : "s",
                            quote.encoding().label());
            String question = String.format("Send %s to %,d recipients %s, %s, about %s%s?", segments, quote.recipients(), how,
                    quote.mode(), quote.costText(), quote.paceSeconds() == 0 ? ""
                            : ", taking " + roughly(Duration.ofSeconds(quote.paceSeconds())) + " at the pace set")
                    + (quote.isScheduled() ? " at " + quote.schedule().words() : "");
            out.printf("%,d contacts in the lists: %,d duplicates and %,d opted out left out.%n",
                    contacts, quote.duplicates(), quote.optedOut());
            if (quote.isPersonal()) {
                printPersonal(quote.personal(), out);
                quote.requireTextsWithinLimit();
            }
            if (quote.quiet() != null) {
                QuietPreview preview = broadcasts.quietPreview(quote);
                out.printf("Quiet hours %s in each recipient's time: %,d go %s, %,d later, the last at %s.%s%n",
                        quote.quiet().hours().words(), preview.atOnce(), quote.isScheduled() ? "at the time chosen" : "at once",
                        preview.later(), new Schedule(preview.last(), zone).words(), preview.withoutZone() == 0 ? ""
                                : String.format(" %,d numbers of no known zone count as in %s.", preview.withoutZone(), zone));
            }
            if (quote.isScheduled()) {
                out.println(quote.channel() == ChannelKind.MESSAGES
                        ? "Twilio holds each message until then and sends it with Herald closed; `herald cancel` takes them back."
                        : "Notify cannot hold messages: Herald holds them, and this command runs until then (Ctrl+C pauses it).");
            }
            if (!BroadcastRun.confirmed(yes, question, err)) {
                return 1;
            }
            long id = broadcasts.start(quote);
            out.printf("Broadcast %d: %s%n", id, question.replaceFirst("^Send", "sending").replaceFirst("\\?$", "."));
            out.flush();
            return BroadcastRun.run(core, broadcasts.sending(id), out, err);
        }
    }

    /** The longest text, the first recipient's, and who gets a text that turns UCS-2. */
    private static void printPersonal(PersonalTexts texts, PrintWriter out) {
        if (texts.longest() == null) {
            return;
        }
        MessageAnalysis longest = texts.longest().analysis();
        out.printf("Each person gets their own text; the longest has %,d characters, %d segment%s (%s).%n",
                longest.bodyLength(), longest.segments(), longest.segments() == 1 ? "" : "s", longest.encoding().label());
        PersonalTexts.Sample first = texts.first().get(0);
        out.printf("The first, to %s: %s%n", first.e164(), Json.writeLine(first.text()));
        if (texts.ucs2Count() > 0) {
            out.printf("%,d go as UCS-2 (70 characters a segment), the first to %s.%n", texts.ucs2Count(),
                    texts.ucs2().get(0).e164());
        }
    }

    /** "about 2 h 47 min", "about 5 min", "under a minute". */
    private static String roughly(Duration duration) {
        if (duration.toMinutes() < 1) {
            return "under a minute";
        }
        return duration.toHours() == 0 ? "about " + duration.toMinutes() + " min"
                : "about " + duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }

    private List<Long> listIds(RecipientLists recipientLists) {
        List<Long> ids = new ArrayList<>();
        for (String name : listNames) {
            RecipientList list = recipientLists.find(name).orElseThrow(() -> new IllegalArgumentException(
                    "There is no list called \"" + name + "\". The lists are: "
                            + String.join(", ", recipientLists.all().stream().map(RecipientList::name).toList())));
            ids.add(list.id());
        }
        return ids;
    }
}
