package app.herald.broadcast;

import app.herald.contacts.NumberZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When each message of a Messaging broadcast is due: now, or at the time chosen for it, and then
 * no earlier than its quiet hours allow in every zone of its number.
 *
 * @param schedule the time chosen, or null for now
 * @param quiet    the hours messages may arrive, or null for any hour
 */
record MessageTiming(Schedule schedule, QuietRule quiet) {

    Instant dueFor(String e164, Instant now) {
        return dueFor(quiet == null ? List.of() : NumberZones.of(e164), now);
    }

    /** When a message to a number in these zones is due. */
    Instant dueFor(List<ZoneId> zones, Instant now) {
        Instant due = schedule == null || schedule.at().isBefore(now) ? now : schedule.at();
        return quiet == null ? due : quiet.firstAllowed(due, zones);
    }
}
