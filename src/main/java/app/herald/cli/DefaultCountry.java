package app.herald.cli;

import app.herald.contacts.csv.ImportProblem;
import java.util.Locale;

/**
 * The country for numbers written without a country code: the one given with --country, else this
 * computer's. Never guessed beyond that: a national number read as the wrong country is a stranger.
 */
final class DefaultCountry {

    private DefaultCountry() {
    }

    static String resolve(String option) {
        String country = option == null ? Locale.getDefault().getCountry() : option;
        if (country.isBlank()) {
            throw new ImportProblem("Say which country numbers without a country code are from, e.g. --country US.");
        }
        return country;
    }
}
