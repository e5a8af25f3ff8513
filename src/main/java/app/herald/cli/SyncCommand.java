package app.herald.cli;

import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Deliveries;
import app.herald.core.HeraldCore;
import app.herald.delivery.StatusSync;
import app.herald.twilio.GatewayException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Reads Twilio's log now: what became of each message, and who replied.",
            "Prints what changed. A reply of STOP (or another opt-out word) puts the number on the opt-out list;"
                + " START takes it off again. The window does this by itself while it is open."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HeraldCore core = herald.openCore()) {
            StatusSync.Report report;
            try {
                report = core.checkStatuses();
            } catch (GatewayException e) {
                spec.commandLine().getErr().println("herald: Could not read Twilio's log: " + e.getMessage());
                return 1;
            }
            out.printf("Read Twilio's log (%s, %,d requests): %,d broadcasts followed, %,d statuses changed, %,d now complete.%n",
                    core.twilio().choice().mode(), report.requests(), report.followed().size(), report.changed(), report.settled());
            out.printf("%,d new replies: %,d opted out, %,d opted back in.%n", report.replies(), report.optedOut(),
                    report.optedIn());
            if (report.takenBack() > 0) {
                out.printf("%,d scheduled messages taken back: their numbers opted out.%n", report.takenBack());
            }
            for (long id : report.followed()) {
                BroadcastSummary broadcast = core.history().find(id).orElseThrow();
                Deliveries deliveries = broadcast.deliveries();
                out.printf("Broadcast %d: %,d delivered, %,d sent, %,d undelivered, %,d failed, %,d no answer yet%s%n",
                        broadcast.id(), deliveries.delivered(), deliveries.sent(), deliveries.undelivered(),
                        deliveries.failed(), deliveries.waiting(broadcast.accepted()), deliveries.settled() ? " (complete)" : "");
            }
        }
        return 0;
    }
}
