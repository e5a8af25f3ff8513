package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.contacts.NumberZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What quiet hours make of a send, as the confirmation says it: how many messages go at once (at
 * the time chosen, or now), how many later, when the last one goes, and how many numbers have no
 * known zone (they count as in the zone the person chose).
 */
public record QuietPreview(long atOnce, long later, Instant last, long withoutZone) {

    /** Reads each number the quote reaches (slow on big lists: not on the UI thread). */
    static QuietPreview of(Quote quote, Audience audience, Instant now) {
        MessageTiming timing = new MessageTiming(quote.schedule(), quote.quiet());
        Instant start = quote.isScheduled() && quote.schedule().at().isAfter(now) ? quote.schedule().at() : now;
        NumberZones.Cache zonesOf = new NumberZones.Cache();
        long[] counts = new long[3];
        Instant[] last = {start};
        audience.forEachNumber(quote.listIds(), e164 -> {
            List<ZoneId> zones = zonesOf.of(e164);
            Instant due = timing.dueFor(zones, now);
            counts[due.isAfter(start) ? 1 : 0]++;
            if (zones.isEmpty()) {
                counts[2]++;
            }
            if (due.isAfter(last[0])) {
                last[0] = due;
            }
        });
        return new QuietPreview(counts[0], counts[1], last[0], counts[2]);
    }
}
