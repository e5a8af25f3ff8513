package app.herald.cli;

import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.RecipientOutcome;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.PlainText;
import app.herald.core.HeraldCore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "recipients", mixinStandardHelpOptions = true,
        description = {"Lists who a broadcast went to, and how each message stands.",
            "The newest broadcast, or ID, in number order: each recipient with the message's state, Twilio's SID,"
                + " Twilio's last known status and error code."})
final class RecipientsCommand implements Callable<Integer> {

    /** Read and printed so many at a time: a million recipients never sit in memory at once. */
    private static final int PAGE = 10_000;

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The broadcast (default: the newest).")
    private Long id;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only the numbers holding these digits (in any position, as typed: 415 555) or the names holding this text.")
    private String search;

    @Option(names = "--json", description = "Print a JSON array: one object per recipient.")
    private boolean json;

    /** A recipient as --json prints it. */
    record JsonRecipient(String e164, String name, String state, String sid, String status, Integer errorCode,
            String errorMessage, boolean matchedFromLog) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HeraldCore core = herald.openCore()) {
            BroadcastSummary broadcast = (id == null ? core.history().all().stream().findFirst() : core.history().find(id))
                    .orElseThrow(() -> new IllegalArgumentException(id == null ? "Nothing has been sent yet."
                            : "There is no broadcast " + id + "."));
            if (json) {
                out.print("[");
            }
            boolean first = true;
            RecipientOutcome last = null;
            while (true) {
                List<RecipientOutcome> page = core.recipients().page(broadcast.id(), last, search, PAGE);
                for (RecipientOutcome recipient : page) {
                    if (json) {
                        out.print((first ? "\n  " : ",\n  ") + Json.writeLine(new JsonRecipient(recipient.e164(), recipient.name(),
                                recipient.state() == null ? null : recipient.state().name(), recipient.sid(), recipient.status(),
                                recipient.errorCode(), recipient.errorMessage(), recipient.matched())));
                    } else {
                        out.printf("%-18s %-24s %-11s %-34s %-11s %s%n", PhoneNumbers.forPeople(recipient.e164()),
                                recipient.name() == null ? "" : PlainText.visible(recipient.name()), recipient.state(),
                                recipient.sid() == null ? "" : recipient.sid(), recipient.status() == null ? "" : recipient.status(),
                                recipient.errorMessage() == null ? "" : recipient.errorMessage());
                    }
                    first = false;
                }
                if (page.size() < PAGE) {
                    break;
                }
                last = page.get(page.size() - 1);
            }
            if (json) {
                out.println(first ? "]" : "\n]");
            }
            return 0;
        }
    }
}
