package app.herald.ui.common;

import app.herald.contacts.Country;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/**
 * Fills a combo box with every country as "Germany (+49)", this computer's country first, then
 * by name; typing a name's first letters ("uni") goes to the first country it begins, open or closed.
 */
public final class CountryChoices {

    /** Letters typed closer together than this make one name. */
    private static final long TYPING_PAUSE_MILLIS = 1_000;

    private CountryChoices() {
    }

    public static void fill(ComboBox<Country> box) {
        fill(box, Locale.getDefault().getCountry());
    }

    /** @param computersCountry the ISO code put first; none when blank or unknown */
    static void fill(ComboBox<Country> box, String computersCountry) {
        box.getItems().setAll(ordered(computersCountry));
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
        // a box filled again keeps its one type-ahead
        if (box.getProperties().putIfAbsent(TypeAhead.class, Boolean.TRUE) == null) {
            box.addEventHandler(KeyEvent.KEY_TYPED, new TypeAhead(box)::typed);
        }
    }

    private static List<Country> ordered(String computersCountry) {
        Optional<Country> home = Country.find(computersCountry);
        List<Country> ordered = new ArrayList<>(Country.all().size());
        home.ifPresent(ordered::add);
        Country.all().stream().filter(country -> home.map(first -> !first.equals(country)).orElse(true))
                .forEach(ordered::add);
        return ordered;
    }

    /** "Zoë" as "zoe": what a person types for a name. */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** The letters typed so far, and where they lead. */
    private static final class TypeAhead {

        private final ComboBox<Country> box;
        private final StringBuilder typed = new StringBuilder();
        private long lastKeyMillis;

        TypeAhead(ComboBox<Country> box) {
            this.box = box;
        }

        void typed(KeyEvent event) {
            String character = event.getCharacter();
            if (character.isEmpty() || Character.isISOControl(character.charAt(0)) || event.isShortcutDown()) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - lastKeyMillis > TYPING_PAUSE_MILLIS) {
                typed.setLength(0);
            }
            lastKeyMillis = now;
            typed.append(character);
            String wanted = folded(typed.toString());
            box.getItems().stream().filter(country -> folded(country.name()).startsWith(wanted)).findFirst()
                    .ifPresent(this::go);
            event.consume();
        }

        private void go(Country country) {
            box.getSelectionModel().select(country);
            if (box.isShowing() && box.getSkin() instanceof ComboBoxListViewSkin<?> skin
                    && skin.getPopupContent() instanceof ListView<?> list) {
                list.scrollTo(box.getSelectionModel().getSelectedIndex());
            }
        }
    }
}
