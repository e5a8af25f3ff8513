package app.herald.settings;

import app.herald.message.Price;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The price per segment as a person types it in Settings: an amount (a comma works as the decimal
 * point) below 10, and a three-letter currency code.
 */
public final class PriceSetting {

    private static final BigDecimal HIGHEST_PRICE = BigDecimal.TEN;

    /** What is wrong with a typed price. */
    public enum Problem {
        CURRENCY,
        AMOUNT
    }

    private PriceSetting() {
    }

    /** The first thing wrong with what is typed, or empty when it is a price. */
    public static Optional<Problem> problem(String amount, String currencyCode) {
        try {
            Currency.getInstance(currencyCode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.CURRENCY);
        }
        try {
            BigDecimal value = new BigDecimal(amount.strip().replace(',', '.'));
            return value.signum() >= 0 && value.compareTo(HIGHEST_PRICE) < 0 ? Optional.empty() : Optional.of(Problem.AMOUNT);
        } catch (NumberFormatException e) {
            return Optional.of(Problem.AMOUNT);
        }
    }

    /** The price typed; {@link #problem} must have found nothing wrong with it. */
    public static Price parse(String amount, String currencyCode) {
        problem(amount, currencyCode).ifPresent(problem -> {
            throw new IllegalArgumentException("not a price: " + amount + " " + currencyCode + " (" + problem + ")");
        });
        return new Price(new BigDecimal(amount.strip().replace(',', '.')),
                Currency.getInstance(currencyCode.strip().toUpperCase(Locale.ROOT)));
    }
}
