package app.herald.contacts.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP's CSV injection advice: whatever a spreadsheet would start a formula with, even behind what it skips. */
class SpreadsheetCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "|calc", "%x", "  =1+1", "\t=1+1", "\u00A0=1+1",
        "\u200B=1+1", "\uFEFF@x", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20x", " \u200B\u00A0\uFF1Dx", "\tplain",
        "\rplain"})
    void aCellASpreadsheetWouldRunGetsAnApostrophe(String cell) {
        assertThat(SpreadsheetCsv.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "Ann = Bob", "  Ann", "4,91512E+12", "a@b.org", "50%", "\u00A0"})
    void anythingElseIsLeftAsItIs(String cell) {
        assertThat(SpreadsheetCsv.neutralise(cell)).isEqualTo(cell);
    }
}
