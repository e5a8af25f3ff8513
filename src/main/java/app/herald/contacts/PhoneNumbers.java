package app.herald.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns whatever people type or export as a phone number into E.164, or says why it cannot. */
public final class PhoneNumbers {

    /** Google Contacts puts several numbers in one cell, joined like this. */
    private static final Pattern SEVERAL = Pattern.compile("\\s*:::\\s*");
    /** What Excel makes of a long number in a General cell: 4,91512E+12 or 4.91512e+12. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+([.,]\\d+)?[eE]\\+?\\d+");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** libphonenumber's "unknown region": only numbers written with + and a country code are understood. */
    public static final String NO_COUNTRY = "ZZ";

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166 country code used for numbers written without a country code,
     *                      or {@link #NO_COUNTRY}
     */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.toUpperCase(Locale.ROOT);
        if (!region.equals(NO_COUNTRY) && !UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("Unknown country code \"" + defaultRegion + "\": use two letters such as US, GB or DE");
        }
        this.defaultRegion = region;
    }

    /** The raw values in one cell: one, or several where a cell joins them with {@code :::}. */
    /**
     * A number as people read it, in libphonenumber's international format: {@code +14155550132}
     * as {@code +1 415-555-0132}. Files and JSON keep E.164; this is for screens and terminals.
     * Anything that is not a number it knows is shown as it is.
     */
    public static String forPeople(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return e164;
        }
        try {
            return UTIL.format(UTIL.parse(e164, NO_COUNTRY), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    public static List<String> splitCell(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : SEVERAL.split(cell.strip())) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    public PhoneCheck check(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return PhoneCheck.rejected("no phone number");
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            return PhoneCheck.rejected("damaged by Excel, which turned the number into " + value
                    + " and lost its last digits. In Excel, format the column as Text, type the numbers again"
                    + " or take them from the original, and save again");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(value, defaultRegion);
        } catch (NumberParseException e) {
            return PhoneCheck.rejected(parseProblem(e.getErrorType()));
        }
        // UNKNOWN is exactly what isValidNumber rejects; asking once halves the costliest step of an import
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            return PhoneCheck.rejected(invalidNumber(number));
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        return type == PhoneNumberType.FIXED_LINE ? PhoneCheck.landline(e164) : PhoneCheck.mobile(e164);
    }

    private static String parseProblem(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "no country code that exists: start with + and the country code, e.g. +44";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short to be a phone number";
            case TOO_LONG -> "too long to be a phone number";
            case NOT_A_NUMBER -> "not a phone number";
        };
    }

    private String invalidNumber(PhoneNumber number) {
        return switch (UTIL.isPossibleNumberWithReason(number)) {
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> "too short: is the area code missing?";
            case TOO_LONG -> "too long for a number of " + countryName(number);
            case INVALID_COUNTRY_CODE -> "no country code that exists: start with + and the country code, e.g. +44";
            case INVALID_LENGTH -> "the wrong number of digits for " + countryName(number);
            case IS_POSSIBLE -> "not a number in use in " + countryName(number);
        };
    }

    private static String countryName(PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(number);
        if (region == null) {
            region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        }
        String name = new Locale("", region).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(region) ? "country code +" + number.getCountryCode() : name;
    }
}
