package app.herald.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriceTest {

    private Locale formats;

    @BeforeEach
    void groupDigitsTheGermanWay() {
        formats = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, formats);
    }

    @Test
    void aMillionRecipientsCostWhatTheListPriceSaysGroupedAsThisComputerGroups() {
        BigDecimal cost = Price.TWILIO_US_LIST_PRICE.estimate(1, 1_000_000);

        assertThat(cost).isEqualByComparingTo("8300");
        assertThat(Price.TWILIO_US_LIST_PRICE.format(cost)).isEqualTo("USD 8.300,00");
    }

    @Test
    void thePricePerSegmentKeepsItsDecimalsAndACurrencyWithoutCentsHasNone() {
        assertThat(Price.TWILIO_US_LIST_PRICE.format(Price.TWILIO_US_LIST_PRICE.perSegment())).isEqualTo("USD 0,0083");
        Price yen = new Price(new BigDecimal("1.2"), Currency.getInstance("JPY"));
        assertThat(yen.format(yen.estimate(1, 1_000))).isEqualTo("JPY 1.200");
    }
}
