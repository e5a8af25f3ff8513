package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.message.MessageAnalysis;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns a quote into a broadcast, in one transaction: the recipients snapshotted (each number
 * once, opted-out numbers left out, in number order), and split into PENDING batches of as many
 * as one request of the channel carries. For Notify, ten thousand of the longest bindings
 * URL-encoded, with a 1,600 character body, make about 980 KB: always under its 1 MB.
 */
final class BroadcastPlanner {

    private final Jdbi jdbi;
    private final Audience audience;

    BroadcastPlanner(Jdbi jdbi, Audience audience) {
        this.jdbi = jdbi;
        this.audience = audience;
    }

    /**
     * @param perBatch the recipients one request carries
     * @return the new broadcast's id
     */
    long plan(Quote quote, String serviceSid, int perBatch) {
        String body = quote.body();
        if (body.isBlank() || body.codePointCount(0, body.length()) > MessageAnalysis.MAX_BODY_CHARACTERS) {
            throw new IllegalArgumentException("A message needs 1 to " + MessageAnalysis.MAX_BODY_CHARACTERS + " characters.");
        }
        if (quote.listIds().isEmpty()) {
            throw new IllegalArgumentException("Choose at least one list to send to.");
        }
        List<Long> lists = quote.listIds();
        AudienceCount reach = audience.count(lists);
        if (reach.recipients() == 0) {
            throw new IllegalArgumentException("Nobody to send to: the lists are empty, or everyone in them opted out.");
        }
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate("""
                            INSERT INTO broadcast (body, encoding, segments, mode, service_sid, state,
                                                   recipient_count, opted_out_count, duplicate_count, list_names)
                            VALUES (:body, :encoding, :segments, :mode, :service, :state, :recipients, :optedOut, :duplicates,
                                    (SELECT LISTAGG(name, ', ') WITHIN GROUP (ORDER BY name)
                                     FROM recipient_list WHERE id IN (<lists>)))""")
                    .bind("body", body).bind("encoding", quote.encoding().label()).bind("segments", quote.segments())
                    .bind("mode", quote.mode().name()).bind("service", serviceSid).bind("state", BroadcastState.READY.name())
                    .bind("recipients", reach.recipients()).bind("optedOut", reach.optedOut()).bind("duplicates", reach.duplicates())
                    .bindList("lists", lists)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int snapshot = handle.createUpdate("""
                            INSERT INTO broadcast_recipient (broadcast_id, e164, batch_no)
                            SELECT :id, e164, (ROW_NUMBER() OVER (ORDER BY e164) - 1) / :perBatch + 1
                            FROM (SELECT DISTINCT c.e164 FROM contact c
                                  WHERE c.list_id IN (<lists>)
                                    AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = c.e164)) numbers""")
                    .bind("id", id).bind("perBatch", perBatch).bindList("lists", lists).execute();
            // the snapshot is the truth: a list edited since the count above changes who is in it
            handle.createUpdate("UPDATE broadcast SET recipient_count = :count WHERE id = :id")
                    .bind("count", snapshot).bind("id", id).execute();
            handle.createUpdate("""
                            INSERT INTO batch (broadcast_id, batch_no, size, state)
                            SELECT :id, batch_no, COUNT(*), 'PENDING' FROM broadcast_recipient
                            WHERE broadcast_id = :id GROUP BY batch_no""")
                    .bind("id", id).execute();
            return id;
        });
    }
}
