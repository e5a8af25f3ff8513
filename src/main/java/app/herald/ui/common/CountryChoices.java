package app.herald.ui.common;

import app.herald.contacts.Country;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Fills a combo box with every country as "Germany (+49)", by name. */
public final class CountryChoices {

    private CountryChoices() {
    }

    public static void fill(ComboBox<Country> box) {
        box.getItems().setAll(Country.all());
        box.setVisibleRowCount(14);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Country country) {
                return country == null ? "" : country.label();
            }

            @Override
            public Country fromString(String text) {
                return Country.all().stream().filter(country -> country.label().equals(text)).findFirst().orElse(null);
            }
        });
    }
}
