package app.herald.cli;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Deliveries;
import app.herald.core.HeraldCore;
import app.herald.settings.ChannelKind;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, description = "Every broadcast, newest first, with its batches.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    /** A broadcast as --json prints it; sendAt and sendZone null when it went at once. */
    record JsonBroadcast(long id, String state, String mode, String channel, String lists, int recipients, int accepted,
            int failed, int uncertain, int markedSent, int segments, String encoding, String body, Instant createdAt,
            Instant finishedAt, Instant sendAt, String sendZone, JsonDeliveries deliveries, List<JsonBatch> batches) {
    }

    /** What Twilio's log said of a broadcast's accepted messages, as --json prints it; checkedAt null: never read. */
    record JsonDeliveries(int sent, int delivered, int undelivered, int failed, int noAnswerYet, Instant checkedAt,
            boolean complete) {
    }

    /** A batch as --json prints it. */
    record JsonBatch(int number, int size, String state, String sid, Integer errorCode, String errorMessage, int attempts,
            Instant sentAt) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HeraldCore core = herald.openCore()) {
            List<BroadcastSummary> broadcasts = core.history().all();
            if (json) {
                out.println(Json.write(broadcasts.stream().map(HistoryCommand::json).toList()));
                return 0;
            }
            if (broadcasts.isEmpty()) {
                out.println("Nothing has been sent yet.");
            }
            for (BroadcastSummary broadcast : broadcasts) {
                Deliveries deliveries = broadcast.deliveries();
                out.printf("%d  %s  %-10s %-8s %-9s %,d recipients, %,d accepted%s%s%s  %s%n", broadcast.id(),
                        broadcast.createdAt(), broadcast.mode(), broadcast.channel().label(), broadcast.state(),
                        broadcast.recipients(), broadcast.accepted(), broadcast.channel() == ChannelKind.NOTIFY
                                ? ", " + broadcast.batches().size() + " batches" : "",
                        deliveries.checkedAt() == null ? "" : String.format(", %,d delivered, %,d did not arrive",
                                deliveries.delivered(), deliveries.notReached()),
                        broadcast.schedule() == null ? "" : ", at " + broadcast.schedule().words(),
                        preview(broadcast.body()));
            }
            return 0;
        }
    }

    private static JsonBroadcast json(BroadcastSummary broadcast) {
        return new JsonBroadcast(broadcast.id(), broadcast.state().name(), broadcast.mode().name(),
                broadcast.channel().label(), broadcast.lists(), broadcast.recipients(), broadcast.accepted(), broadcast.failed(),
                broadcast.recipientsIn(SendState.UNCERTAIN), broadcast.recipientsIn(SendState.MARKED_SENT), broadcast.segments(),
                broadcast.encoding(), broadcast.body(),
                broadcast.createdAt(), broadcast.finishedAt(),
                broadcast.schedule() == null ? null : broadcast.schedule().at(),
                broadcast.schedule() == null ? null : broadcast.schedule().zone().getId(),
                json(broadcast.deliveries(), broadcast.accepted()),
                broadcast.batches().stream().map(HistoryCommand::json).toList());
    }

    private static JsonDeliveries json(Deliveries deliveries, int accepted) {
        return new JsonDeliveries(deliveries.sent(), deliveries.delivered(), deliveries.undelivered(), deliveries.failed(),
                deliveries.waiting(accepted), deliveries.checkedAt(), deliveries.settled());
    }

    private static JsonBatch json(Batch batch) {
        return new JsonBatch(batch.number(), batch.size(), batch.state().name(), batch.sid(), batch.errorCode(),
                batch.errorMessage(), batch.attempts(), batch.sentAt());
    }

    private static String preview(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() > 40 ? line.substring(0, 39) + "\u2026" : line;
    }
}
