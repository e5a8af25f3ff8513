package app.herald.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;

/**
 * What one segment costs, in a currency. The default is Twilio's 2026 list price for an outbound
 * SMS from a US long code (USD 0.0083 a segment, twilio.com/en-us/sms/pricing/us). Carrier fees
 * come on top and other countries cost more, so a cost shown with it is an estimate.
 */
public record Price(BigDecimal perSegment, Currency currency) {

    public static final Price TWILIO_US_LIST_PRICE = new Price(new BigDecimal("0.0083"), Currency.getInstance("USD"));

    public Price {
        if (perSegment == null || perSegment.signum() < 0 || currency == null) {
            throw new IllegalArgumentException("a price is an amount of zero or more in a currency");
        }
    }

    /** An amount in this currency as a person reads it: "USD 8,300.00", grouped as this computer groups digits. */
    public String format(BigDecimal amount) {
        NumberFormat digits = NumberFormat.getNumberInstance();
        int fraction = Math.max(0, currency.getDefaultFractionDigits());
        digits.setMinimumFractionDigits(fraction);
        digits.setMaximumFractionDigits(Math.max(fraction, amount.scale()));
        return currency.getCurrencyCode() + " " + digits.format(amount);
    }

    /** segments × recipients × price, to the currency's smallest unit. */
    public BigDecimal estimate(int segments, long recipients) {
        return perSegment.multiply(BigDecimal.valueOf(segments)).multiply(BigDecimal.valueOf(recipients))
                .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }
}
