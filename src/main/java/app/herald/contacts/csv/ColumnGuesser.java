package app.herald.contacts.csv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses which column holds the phone number and which the name, from the header names that
 * Excel, Google Contacts, Outlook and people write, and from what the cells hold.
 */
public final class ColumnGuesser {

    private static final Set<String> MOBILE = Set.of("mobile", "mobile phone", "mobile number", "mobile phone number",
            "mobilephone", "cell", "cell phone", "cellphone", "cell number", "handy", "handynummer", "mobil",
            "mobilnummer", "mobiltelefon", "portable", "telephone portable", "movil", "celular", "sms", "gsm", "msisdn");
    private static final Set<String> PHONE = Set.of("phone", "phone number", "phonenumber", "telephone",
            "telephone number", "tel", "tel.", "telefon", "telefonnummer", "number", "nummer", "telefono",
            "primary phone", "phone 1 - value", "phone1");
    private static final Set<String> FIRST_NAME = Set.of("first name", "firstname", "first", "given name", "vorname",
            "prenom", "nombre");
    private static final Set<String> LAST_NAME = Set.of("last name", "lastname", "last", "surname", "family name",
            "nachname", "nom", "apellido", "apellidos");
    private static final Set<String> FULL_NAME = Set.of("name", "full name", "fullname", "display name", "contact",
            "contact name", "kontakt", "nom complet");

    /** A column must hold phone-like values in at least this share of its rows to be taken for one. */
    private static final double PHONE_SHARE = 0.2;

    private ColumnGuesser() {
    }

    static boolean isKnownHeader(String cell) {
        String header = normalise(cell);
        return MOBILE.contains(header) || PHONE.contains(header) || FIRST_NAME.contains(header)
                || LAST_NAME.contains(header) || FULL_NAME.contains(header);
    }

    /**
     * @param header the header row, or an empty list when the file has none
     * @param rows   a sample of data rows
     */
    public static ColumnMapping guess(List<String> header, List<String[]> rows) {
        int columns = Math.max(header.size(), rows.stream().mapToInt(row -> row.length).max().orElse(0));
        int phone = ColumnMapping.NONE;
        double best = 0;
        for (int column = 0; column < columns; column++) {
            double share = phoneShare(rows, column);
            if (share < PHONE_SHARE && !rows.isEmpty()) {
                continue;
            }
            double score = headerScore(column < header.size() ? header.get(column) : "") + 60 * share;
            if (score > best) {
                best = score;
                phone = column;
            }
        }
        // a file with a full name and first and last names keeps all three: "Hi {first_name}" needs the first
        return ColumnMapping.phoneOnly(phone).withName(find(header, FULL_NAME))
                .withFirstAndLastName(find(header, FIRST_NAME), find(header, LAST_NAME));
    }

    private static double headerScore(String raw) {
        String header = normalise(raw);
        if (header.isEmpty()) {
            return 0;
        }
        if (header.contains("label") || header.contains("type") || header.contains("fax")) {
            return -100;
        }
        if (MOBILE.contains(header)) {
            return 100;
        }
        if (header.contains("mobile") || header.contains("cell") || header.contains("handy")) {
            return 80;
        }
        if (PHONE.contains(header)) {
            return 70;
        }
        if (header.contains("home") || header.contains("business") || header.contains("work")
                || header.contains("office") || header.contains("company")) {
            return 30;
        }
        if (header.contains("phone") || header.contains("tel")) {
            return 60;
        }
        return 0;
    }

    /** Share of all sampled rows whose cell in this column looks like a phone number (blanks count against it). */
    private static double phoneShare(List<String[]> rows, int column) {
        if (rows.isEmpty()) {
            return 0;
        }
        long phoneLike = rows.stream().filter(row -> CsvSniffer.looksLikeNumber(ColumnMapping.cell(row, column))).count();
        return (double) phoneLike / rows.size();
    }

    private static int find(List<String> header, Set<String> names) {
        for (int column = 0; column < header.size(); column++) {
            if (names.contains(normalise(header.get(column)))) {
                return column;
            }
        }
        return ColumnMapping.NONE;
    }

    /** Lower case, accents and surrounding quotes or spaces removed: "Téléphone " reads as "telephone". */
    static String normalise(String header) {
        String decomposed = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").strip().toLowerCase(Locale.ROOT);
    }
}
