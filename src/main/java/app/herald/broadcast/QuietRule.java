package app.herald.broadcast;

import app.herald.settings.QuietHours;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Quiet hours for a broadcast: a message may arrive only inside {@code hours} in every zone of its
 * number, else it waits for the first minute that is; a number whose zones are not known is taken
 * to be in {@code fallback}, the zone the person chose.
 */
public record QuietRule(QuietHours hours, ZoneId fallback) {

    /** Enough to settle any number's zones: each round moves to where one more zone opens. */
    private static final int ROUNDS = 8;

    public QuietRule {
        Objects.requireNonNull(hours);
        Objects.requireNonNull(fallback);
    }

    /**
     * The first instant from {@code earliest} on when the local time is inside the hours in every
     * one of {@code zones} (or the fallback, when there are none). Zones farther apart than the hours
     * are wide have no such minute: then the first that opens in the first zone.
     */
    public Instant firstAllowed(Instant earliest, List<ZoneId> zones) {
        List<ZoneId> in = zones.isEmpty() ? List.of(fallback) : zones;
        Instant candidate = earliest;
        for (int round = 0; round < ROUNDS; round++) {
            Instant latest = candidate;
            for (ZoneId zone : in) {
                Instant opens = opensFrom(candidate, zone);
                if (opens.isAfter(latest)) {
                    latest = opens;
                }
            }
            if (latest.equals(candidate)) {
                return candidate;
            }
            candidate = latest;
        }
        return opensFrom(earliest, in.get(0));
    }

    /** {@code at} itself when the hours allow it in {@code zone}, else when they next begin there. */
    private Instant opensFrom(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (hours.allows(local.toLocalTime())) {
            return at;
        }
        ZonedDateTime opens = local.toLocalTime().isBefore(hours.from()) ? local.with(hours.from())
                : local.plusDays(1).with(hours.from());
        return opens.toInstant();
    }
}
