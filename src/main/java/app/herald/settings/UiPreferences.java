package app.herald.settings;

import app.herald.contacts.Country;
import app.herald.message.Price;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's placement, the theme and the import's default country, in a small properties file of the data folder. They are
 * kept outside the database so the window can be placed before the database has opened. A damaged
 * file is logged and replaced by defaults: losing a window position is never worth a failed start.
 */
public final class UiPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);

    private final Path file;
    private final Properties properties = new Properties();

    private UiPreferences(Path file) {
        this.file = file;
    }

    public static UiPreferences load(Path file) {
        UiPreferences preferences = new UiPreferences(file);
        try {
            preferences.properties.putAll(PropertiesFile.load(file));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable UI preferences {}", file, e);
        }
        return preferences;
    }

    public synchronized WindowPlacement windowPlacement() {
        try {
            return new WindowPlacement(
                    number("window.x", Double.NaN),
                    number("window.y", Double.NaN),
                    number("window.width", WindowPlacement.DEFAULT.width()),
                    number("window.height", WindowPlacement.DEFAULT.height()),
                    Boolean.parseBoolean(properties.getProperty("window.maximized")));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a damaged window placement in {}", file, e);
            return WindowPlacement.DEFAULT;
        }
    }

    public synchronized void setWindowPlacement(WindowPlacement placement) {
        properties.setProperty("window.x", Double.toString(placement.x()));
        properties.setProperty("window.y", Double.toString(placement.y()));
        properties.setProperty("window.width", Double.toString(placement.width()));
        properties.setProperty("window.height", Double.toString(placement.height()));
        properties.setProperty("window.maximized", Boolean.toString(placement.maximized()));
    }

    public synchronized boolean darkTheme() {
        return Boolean.parseBoolean(properties.getProperty("theme.dark"));
    }

    public synchronized void setDarkTheme(boolean dark) {
        properties.setProperty("theme.dark", Boolean.toString(dark));
    }

    /**
     * The country for phone numbers written without a country code: the last one chosen, else this
     * computer's, else none (the person must choose; a guessed country would text strangers).
     */
    public synchronized Optional<Country> defaultCountry() {
        return Country.find(properties.getProperty("import.country", Locale.getDefault().getCountry()));
    }

    public synchronized void setDefaultCountry(Country country) {
        properties.setProperty("import.country", country.code());
    }

    /** The price per segment for cost estimates: the one set, else Twilio's US list price. */
    public synchronized Price price() {
        try {
            String amount = properties.getProperty("price.perSegment");
            String currency = properties.getProperty("price.currency");
            return amount == null || currency == null ? Price.TWILIO_US_LIST_PRICE
                    : new Price(new BigDecimal(amount), Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a damaged price in {}", file, e);
            return Price.TWILIO_US_LIST_PRICE;
        }
    }

    public synchronized void setPrice(Price price) {
        properties.setProperty("price.perSegment", price.perSegment().toPlainString());
        properties.setProperty("price.currency", price.currency().getCurrencyCode());
    }

    /** How fast LIVE messages go through a Messaging Service: the pace set, else one US long code's. */
    public synchronized MessagePace messagePace() {
        try {
            String perSecond = properties.getProperty("pace.perSecond");
            String senders = properties.getProperty("pace.senders");
            return perSecond == null || senders == null ? MessagePace.US_LONG_CODE
                    : new MessagePace(Double.parseDouble(perSecond), Integer.parseInt(senders));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a damaged message pace in {}", file, e);
            return MessagePace.US_LONG_CODE;
        }
    }

    public synchronized void setMessagePace(MessagePace pace) {
        properties.setProperty("pace.perSecond", Double.toString(pace.perSecond()));
        properties.setProperty("pace.senders", Integer.toString(pace.senders()));
    }

    /** The hours messages may arrive in each recipient's time, when a person chose them; empty: any hour. */
    public synchronized Optional<QuietHours> quietHours() {
        String hours = properties.getProperty("quiet.hours", "");
        if (hours.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(QuietHours.parse(hours));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring damaged quiet hours in {}", file, e);
            return Optional.empty();
        }
    }

    public synchronized void setQuietHours(Optional<QuietHours> hours) {
        properties.setProperty("quiet.hours", hours.map(QuietHours::words).orElse(""));
    }

    /** The words that opt a replying person out or back in: those set, else Twilio's. */
    public synchronized ReplyKeywords replyKeywords() {
        String optOut = properties.getProperty("replies.optOut");
        String optIn = properties.getProperty("replies.optIn");
        if (optOut == null || optIn == null) {
            return ReplyKeywords.TWILIO_DEFAULTS;
        }
        try {
            return ReplyKeywords.parse(optOut, optIn);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring damaged reply keywords in {}", file, e);
            return ReplyKeywords.TWILIO_DEFAULTS;
        }
    }

    public synchronized void setReplyKeywords(ReplyKeywords keywords) {
        properties.setProperty("replies.optOut", ReplyKeywords.shown(keywords.optOut()));
        properties.setProperty("replies.optIn", ReplyKeywords.shown(keywords.optIn()));
    }

    public synchronized void save() throws IOException {
        PropertiesFile.store(file, properties, "Herald window, theme, default country, price, pace, quiet hours and reply keywords");
    }

    private double number(String key, double fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
