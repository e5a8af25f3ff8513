package app.herald.broadcast;

import app.herald.contacts.csv.SpreadsheetCsv;
import java.nio.file.Path;
import java.util.List;

/** The history as a CSV for Excel: one row per batch, with its broadcast. Never a secret: there is none in the history. */
public final class HistoryExporter {

    private HistoryExporter() {
    }

    /** @return how many batch rows were written */
    public static long export(List<BroadcastSummary> broadcasts, Path target) {
        return SpreadsheetCsv.write(target, printer -> {
            long rows = 0;
            for (BroadcastSummary broadcast : broadcasts) {
                for (Batch batch : broadcast.batches()) {
                    printer.printRecord(broadcast.id(), broadcast.createdAt(), broadcast.mode(), broadcast.state(),
                            SpreadsheetCsv.neutralise(broadcast.lists()), broadcast.recipients(),
                            SpreadsheetCsv.neutralise(broadcast.body()), batch.number(), batch.size(),
                            batch.state(), batch.sid(), batch.errorCode(), SpreadsheetCsv.neutralise(batch.errorMessage()),
                            batch.attempts(), batch.sentAt());
                    rows++;
                }
            }
            return rows;
        }, "broadcast", "created", "mode", "state", "lists", "recipients", "message", "batch", "size", "batch_state", "sid",
                "error_code", "error", "attempts", "sent_at");
    }
}
