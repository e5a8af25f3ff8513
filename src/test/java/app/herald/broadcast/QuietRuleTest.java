package app.herald.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.NumberZones;
import app.herald.settings.QuietHours;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first minute quiet hours allow in every zone of a number, with libphonenumber's zones. */
class QuietRuleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId ADAK = ZoneId.of("America/Adak");
    private static final QuietRule US = new QuietRule(QuietHours.US_RULE, NEW_YORK);

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void elevenInNewYorkReachesAlaskaAtEightOnAdak() {
        Instant eleven = at("2026-12-24T11:00", NEW_YORK);
        List<ZoneId> alaska = NumberZones.of("+19079991234");
        assertThat(alaska).contains(ZoneId.of("America/Anchorage"), ADAK);

        assertThat(US.firstAllowed(eleven, NumberZones.of("+12125550123"))).isEqualTo(eleven);
        assertThat(US.firstAllowed(eleven, alaska)).isEqualTo(at("2026-12-24T08:00", ADAK));
    }

    @Test
    void aMessageAfterTheEveningWaitsForTheMorningAndAnUnknownNumberUsesTheZoneChosen() {
        Instant late = at("2026-12-24T22:30", NEW_YORK);
        assertThat(US.firstAllowed(late, List.of())).isEqualTo(at("2026-12-25T08:00", NEW_YORK));
        assertThat(US.firstAllowed(at("2026-12-24T06:15", NEW_YORK), List.of(NEW_YORK)))
                .isEqualTo(at("2026-12-24T08:00", NEW_YORK));
        assertThat(NumberZones.of("+999123")).isEmpty();
    }

    @Test
    void zonesFartherApartThanTheHoursGetTheFirstZonesMorning() {
        QuietRule narrow = new QuietRule(QuietHours.parse("09:00-10:00"), NEW_YORK);
        List<ZoneId> apart = List.of(ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"));
        Instant from = at("2026-12-24T12:00", ZoneId.of("Pacific/Kiritimati"));
        assertThat(narrow.firstAllowed(from, apart)).isEqualTo(at("2026-12-25T09:00", ZoneId.of("Pacific/Kiritimati")));
    }

    @Test
    void hoursAreReadAsTypedAndRefusedInWords() {
        assertThat(QuietHours.parse(" 8:00 - 21:00 ")).isEqualTo(QuietHours.US_RULE);
        assertThat(QuietHours.US_RULE.words()).isEqualTo("08:00-21:00");
        assertThatThrownBy(() -> QuietHours.parse("8 to 9")).hasMessageContaining("such as 08:00-21:00");
        assertThatThrownBy(() -> QuietHours.parse("21:00-08:00")).hasMessageContaining("must start before they end");
        assertThatThrownBy(() -> QuietHours.parse("08:00-25:00")).hasMessageContaining("does not exist");
    }
}
