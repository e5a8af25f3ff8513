package app.herald.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time zones a number may be in, as libphonenumber's geocoder data knows them from its prefix:
 * one for most, several for some (most of Alaska's +1 907 is Anchorage and Adak, an hour apart; a
 * US toll-free number, forty), none for a number it cannot place.
 */
public final class NumberZones {

    private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();

    private NumberZones() {
    }

    /**
     * Looks numbers up once per prefix: numbers share their zones with others of the same first
     * digits, and a million lookups would cost seconds. Not for several threads.
     */
    public static final class Cache {

        private static final int PREFIX = 8;

        private final Map<String, List<ZoneId>> byPrefix = new HashMap<>();

        public List<ZoneId> of(String e164) {
            return byPrefix.computeIfAbsent(e164.substring(0, Math.min(PREFIX, e164.length())), prefix -> NumberZones.of(e164));
        }
    }

    /** The zones of an E.164 number; empty when they are not known. */
    public static List<ZoneId> of(String e164) {
        List<String> ids;
        try {
            ids = MAPPER.getTimeZonesForNumber(PhoneNumberUtil.getInstance().parse(e164, PhoneNumbers.NO_COUNTRY));
        } catch (NumberParseException e) {
            return List.of();
        }
        List<ZoneId> zones = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (!id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                try {
                    zones.add(ZoneId.of(id));
                } catch (DateTimeException e) {
                    // a zone this JDK's data does not name: the others still count
                }
            }
        }
        return List.copyOf(zones);
    }
}
