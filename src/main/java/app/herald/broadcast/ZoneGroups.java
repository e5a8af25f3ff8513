package app.herald.broadcast;

import app.herald.contacts.NumberZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Notify broadcast's recipients under quiet hours, grouped by the time zones of their numbers:
 * one request carries one text to ten thousand numbers at one moment, so a batch may hold only
 * numbers whose hours begin together. Within a group the numbers keep the order they came in.
 */
final class ZoneGroups {

    /** A recipient as a batch keeps it. */
    record Member(String e164, String name) {
    }

    private final NumberZones.Cache zones = new NumberZones.Cache();
    private final Map<List<ZoneId>, List<Member>> groups = new LinkedHashMap<>();

    void add(String e164, String name) {
        groups.computeIfAbsent(zones.of(e164), zoneSet -> new ArrayList<>()).add(new Member(e164, name));
    }

    /** The groups, the one whose hours begin first first: the batches are sent in that order. */
    List<List<Member>> byWhenDue(MessageTiming timing, Instant now) {
        return groups.entrySet().stream()
                .sorted(Comparator.comparing(group -> timing.dueFor(group.getKey(), now)))
                .map(Map.Entry::getValue)
                .toList();
    }
}
