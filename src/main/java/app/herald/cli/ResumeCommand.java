package app.herald.cli;

import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Sending;
import app.herald.broadcast.BroadcastService;
import app.herald.core.HeraldCore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Sends the PENDING batches of an interrupted or paused broadcast (the newest, or ID).",
            "An UNCERTAIN batch is never sent again: it may have gone out already."})
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The broadcast (default: the newest with pending batches).")
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
                    .orElseThrow(() -> new IllegalArgumentException(id == null ? "No broadcast has batches waiting to be sent."
                            : "There is no broadcast " + id + "."));
            // before the question: a broadcast is sent only in the mode it was made in
            Sending sending = broadcasts.sending(broadcast.id());
            if (broadcast.pendingBatches() == 0) {
                out.printf("Broadcast %d has no batch waiting to be sent (%d uncertain).%n", broadcast.id(),
                        broadcast.uncertainBatches());
                return broadcast.uncertainBatches() == 0 ? 0 : 1;
            }
            String question = String.format("Send the %d pending batch%s of broadcast %d (%s)?", broadcast.pendingBatches(),
                    broadcast.pendingBatches() == 1 ? "" : "es", broadcast.id(), broadcast.mode());
            if (!BroadcastRun.confirmed(yes, question, err)) {
                return 1;
            }
            return BroadcastRun.run(core, sending, out, err);
        }
    }
}
