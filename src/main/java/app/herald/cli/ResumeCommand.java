package app.herald.cli;

import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Sending;
import app.herald.broadcast.BroadcastService;
import app.herald.core.HeraldCore;
import app.herald.settings.ChannelKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Sends what is PENDING of an interrupted or paused broadcast.",
            "The newest, or ID, through the channel it was made in. UNCERTAIN messages are first looked up in"
                + " Twilio's log; one that is not found, like an UNCERTAIN batch, is never sent again: it may have"
                + " gone out already."})
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The broadcast (default: the newest with something pending).")
    private Long id;

    @Option(names = "--yes", description = "Send without asking (scripts).")
    private boolean yes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HeraldCore core = herald.openCore()) {
            BroadcastService broadcasts = core.broadcasts();
            BroadcastSummary broadcast = (id == null ? broadcasts.latestResumable() : core.history().find(id))
                    .orElseThrow(() -> new IllegalArgumentException(id == null ? "No broadcast has anything waiting to be sent."
                            : "There is no broadcast " + id + "."));
            if (broadcast.channel() != core.broadcasts().channel()) {
                ChannelOption.use(core, broadcast.channel());
            }
            // before the question: a broadcast is sent only in the mode it was made in
            Sending sending = broadcasts.sending(broadcast.id());
            String unit = broadcast.channel() == ChannelKind.MESSAGES ? "message" : "batch";
            if (broadcast.pendingRequests() == 0) {
                if (broadcast.channel() == ChannelKind.MESSAGES && broadcast.uncertain() > 0) {
                    out.printf("Broadcast %d has nothing waiting to be sent; looking up its %,d uncertain messages in"
                            + " Twilio's log.%n", broadcast.id(), broadcast.uncertain());
                    return BroadcastRun.run(core, sending, out, err);
                }
                out.printf("Broadcast %d has no %s waiting to be sent (%d uncertain).%n", broadcast.id(), unit,
                        broadcast.uncertainRequests());
                return broadcast.uncertainRequests() == 0 ? 0 : 1;
            }
            String question = String.format("Send the %,d pending %s%s of broadcast %d (%s)?", broadcast.pendingRequests(),
                    unit, broadcast.pendingRequests() == 1 ? "" : unit.equals("batch") ? "es" : "s", broadcast.id(),
                    broadcast.mode());
            if (!BroadcastRun.confirmed(yes, question, err)) {
                return 1;
            }
            return BroadcastRun.run(core, sending, out, err);
        }
    }
}
