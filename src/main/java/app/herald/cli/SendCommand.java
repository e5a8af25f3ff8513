package app.herald.cli;

import app.herald.broadcast.BroadcastPlanner;
import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.message.MessageAnalyser;
import app.herald.message.MessageAnalysis;
import app.herald.message.Price;
import app.herald.storage.Storage;
import app.herald.twilio.TwilioConnection;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "LIVE through Twilio when TWILIO_* credentials are set, else to Herald's simulator (SIMULATION)."})
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

    /** The message, typed or from a file. */
    static final class Message {
        @Option(names = "--message", paramLabel = "TEXT", description = "The message.")
        private String text;

        @Option(names = "--message-file", paramLabel = "FILE", description = "A UTF-8 file holding the message.")
        private Path file;

        String body() throws Exception {
            // an editor ends a file with a line break nobody means to send
            return text != null ? text : Files.readString(file, StandardCharsets.UTF_8).replaceFirst("(\\r?\\n)+$", "");
        }
    }

    @Override
    public Integer call() throws Exception {
        String body = message.body();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Storage storage = herald.openStorage(); TwilioConnection twilio = herald.connectTwilio()) {
            List<Long> lists = listIds(new RecipientLists(storage.jdbi()));
            MessageAnalysis analysis = MessageAnalyser.analyse(body);
            AudienceCount reach = new Audience(storage.jdbi()).count(lists);
            Price price = herald.price();
            long batches = BroadcastPlanner.batchesFor(reach.recipients());
            String question = String.format("Send %d segment%s (%s) to %,d recipients in %d batch%s, %s, about %s?",
                    analysis.segments(), analysis.segments() == 1 ? "" : "s", analysis.encoding().label(), reach.recipients(),
                    batches, batches == 1 ? "" : "es", twilio.mode(), price.format(price.estimate(analysis.segments(), reach.recipients())));
            out.printf("%,d contacts in the lists: %,d duplicates and %,d opted out left out.%n",
                    reach.contacts(), reach.duplicates(), reach.optedOut());
            if (!BroadcastRun.confirmed(yes, question, err)) {
                return 1;
            }
            long id = new BroadcastPlanner(storage.jdbi()).plan(body, lists, twilio.mode(), twilio.serviceSid());
            out.printf("Broadcast %d: %s%n", id, question.replaceFirst("^Send", "sending").replaceFirst("\\?$", "."));
            out.flush();
            return BroadcastRun.run(storage.jdbi(), twilio, id, out, err);
        }
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
