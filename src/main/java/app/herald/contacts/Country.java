package app.herald.contacts;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A country whose phone numbers Herald understands: its ISO code, its English name, its calling code. */
public record Country(String code, String name, int callingCode) {

    private static final List<Country> ALL = PhoneNumberUtil.getInstance().getSupportedRegions().stream()
            .map(Country::of)
            .sorted(Comparator.comparing(Country::name))
            .toList();

    public Country {
        if (code == null || !code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a country code is two capital letters, not " + code);
        }
    }

    /** Every country libphonenumber knows, by name. */
    public static List<Country> all() {
        return ALL;
    }

    public static Optional<Country> find(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(country -> country.code().equals(wanted)).findFirst();
    }

    private static Country of(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return new Country(code, name.isEmpty() ? code : name, PhoneNumberUtil.getInstance().getCountryCodeForRegion(code));
    }

    /** "Germany (+49)", as a person picks it from a list. */
    public String label() {
        return name + " (+" + callingCode + ")";
    }
}
