package app.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.PhoneCheck.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    private final PhoneNumbers us = new PhoneNumbers("US");
    private final PhoneNumbers de = new PhoneNumbers("de");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "(415) 555-0132       | +14155550132",
        "415.555.0133         | +14155550133",
        "1-202-555-0143       | +12025550143",
        "+44 7911 123456      | +447911123456",
        "  +1 720 555 0199    | +17205550199",
        "＋１ ４１５ ５５５ ０１５０ | +14155550150",
        "'+14155550132        | +14155550132",
    })
    void normalisesWhatPeopleWriteToE164(String raw, String e164) {
        PhoneCheck check = us.check(raw);

        assertThat(check.isValid()).isTrue();
        assertThat(check.e164()).isEqualTo(e164);
    }

    @Test
    void readsNationalAndInternationalPrefixesOfTheDefaultCountry() {
        assertThat(de.check("0151 89721047").e164()).isEqualTo("+4915189721047");
        assertThat(de.check("004915198495371").e164()).isEqualTo("+4915198495371");
        assertThat(de.check("(0151) 4606-2338").e164()).isEqualTo("+4915146062338");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "555-1234         | too short",
        "not a number     | not a phone number",
        "+15555555555     | not a number in use in United States",
        "4,91512E+12      | damaged by Excel",
        "4.91512e+12      | damaged by Excel",
        "\"\"               | no phone number",
    })
    void rejectsWithAReasonAPersonUnderstands(String raw, String reason) {
        PhoneCheck check = us.check(raw);

        assertThat(check.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(check.reason()).startsWith(reason);
    }

    @Test
    void aGermanLandlineIsFlaggedNotDropped() {
        PhoneCheck check = de.check("030 12345678");

        assertThat(check.verdict()).isEqualTo(Verdict.LANDLINE);
        assertThat(check.e164()).isEqualTo("+493012345678");
        assertThat(check.reason()).contains("landline");
    }

    @Test
    void googleCellsWithSeveralNumbersAreSplit() {
        assertThat(PhoneNumbers.splitCell("1-617-555-0108 ::: 2025550171")).containsExactly("1-617-555-0108", "2025550171");
        assertThat(PhoneNumbers.splitCell("  ")).isEmpty();
    }

    @Test
    void anUnknownCountryIsRefusedClearly() {
        assertThatThrownBy(() -> new PhoneNumbers("XX")).hasMessageContaining("Unknown country code \"XX\"");
    }

    @Test
    void aNumberIsShownAsPeopleReadItAndAnythingElseAsItIs() {
        assertThat(PhoneNumbers.forPeople("+14155550132")).isEqualTo("+1 415-555-0132");
        assertThat(PhoneNumbers.forPeople("+447911123456")).isEqualTo("+44 7911 123456");
        assertThat(PhoneNumbers.forPeople("+4915123456789")).isEqualTo("+49 1512 3456789");
        assertThat(PhoneNumbers.forPeople("not a number")).isEqualTo("not a number");
        assertThat(PhoneNumbers.forPeople(null)).isNull();
    }
}
