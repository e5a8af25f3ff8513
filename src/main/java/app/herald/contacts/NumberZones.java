package app.herald.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones a number may be in, as libphonenumber's geocoder data knows them from its prefix:
 * one for most, several for some (most of Alaska's +1 907 is Anchorage and Adak, an hour apart; a
 * US toll-free number, forty), none for a number it cannot place.
 */
public final class NumberZones {

    private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();

    private NumberZones() {
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
