package app.herald.cli;

import app.herald.broadcast.BroadcastSummary;
import app.herald.core.HeraldCore;
import app.herald.delivery.ScheduledBroadcasts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Takes back a broadcast given a time (herald send --at) before it goes.",
            "The newest such broadcast, or ID. Each message Twilio holds for it is cancelled; one Twilio has sent"
                + " already is reported as too late. Nothing more of it is sent."})
final class CancelCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The broadcast (default: the newest whose time has not come).")
    private Long id;

    @Option(names = "--yes", description = "Take it back without asking (scripts).")
    private boolean yes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HeraldCore core = herald.openCore()) {
            BroadcastSummary broadcast = (id == null ? core.history().latestScheduled() : core.history().find(id))
                    .orElseThrow(() -> new IllegalArgumentException(id == null ? "No broadcast is waiting for its time."
                            : "There is no broadcast " + id + "."));
            if (broadcast.schedule() == null) {
                throw new IllegalArgumentException("Broadcast " + broadcast.id() + " was sent at once: there is nothing to take back.");
            }
            String question = String.format("Take back broadcast %d, to %,d recipients at %s?", broadcast.id(),
                    broadcast.recipients(), broadcast.schedule().words());
            if (!BroadcastRun.confirmed(yes, question, err)) {
                return 1;
            }
            ScheduledBroadcasts.Cancelled cancelled = core.cancelScheduled(broadcast.id(),
                    done -> err.printf("[%,d messages taken back]%n", done));
            out.printf("Broadcast %d taken back: %,d messages cancelled at Twilio, %,d too late (sent already).%n",
                    broadcast.id(), cancelled.canceled(), cancelled.tooLate());
            if (cancelled.problem() != null) {
                err.println("herald: " + cancelled.problem());
                return 1;
            }
            return 0;
        }
    }
}
