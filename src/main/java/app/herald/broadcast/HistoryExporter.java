package app.herald.broadcast;

import app.herald.contacts.csv.SpreadsheetCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The history as a CSV for Excel: a row per Notify batch or per Messaging broadcast. Never a secret: there is none in the history. */
public final class HistoryExporter {

    private HistoryExporter() {
    }

    /**
     * A Notify broadcast has a row per batch; a Messaging broadcast, which has no batches, one row of
     * its own (its recipients are in herald recipients). Each row ends with the broadcast's channel
     * and counts, those Twilio's log gave last (delivered, undelivered, failed) included.
     *
     * @return how many rows were written
     */
    public static long export(List<BroadcastSummary> broadcasts, Path target) {
        return SpreadsheetCsv.write(target, printer -> {
            long rows = 0;
            for (BroadcastSummary broadcast : broadcasts) {
                List<Object> about = List.of(broadcast.id(), broadcast.createdAt(), broadcast.mode(), broadcast.state(),
                        SpreadsheetCsv.neutralise(broadcast.lists()), broadcast.recipients(),
                        SpreadsheetCsv.neutralise(broadcast.body()));
                Deliveries deliveries = broadcast.deliveries();
                List<Object> counts = List.of(broadcast.channel().label(), broadcast.accepted(), broadcast.failed(),
                        broadcast.uncertain(), deliveries.delivered(), deliveries.undelivered(), deliveries.failed());
                if (broadcast.batches().isEmpty()) {
                    printer.printRecord(row(about, Collections.nCopies(8, ""), counts));
                    rows++;
                }
                for (Batch batch : broadcast.batches()) {
                    printer.printRecord(row(about, Arrays.asList(batch.number(), batch.size(), batch.state(), batch.sid(),
                            batch.errorCode(), SpreadsheetCsv.neutralise(batch.errorMessage()), batch.attempts(),
                            batch.sentAt()), counts));
                    rows++;
                }
            }
            return rows;
        }, "broadcast", "created", "mode", "state", "lists", "recipients", "message", "batch", "size", "batch_state", "sid",
                "error_code", "error", "attempts", "sent_at", "channel", "accepted", "failed", "uncertain", "delivered",
                "undelivered", "delivery_failed");
    }

    private static List<Object> row(List<Object> about, List<Object> batch, List<Object> counts) {
        List<Object> row = new ArrayList<>(about);
        row.addAll(batch);
        row.addAll(counts);
        return row;
    }
}
