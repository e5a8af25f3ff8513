package app.herald.ui.common;

import app.herald.contacts.Country;
import app.herald.contacts.PhoneCheck;
import app.herald.contacts.PhoneNumbers;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A phone number as it is typed, checked on every keystroke: what it will be saved as, or why it
 * cannot be. Checking is pure computation (no I/O), so it runs on the FX thread.
 */
public final class PhoneInput {

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Country> country = new SimpleObjectProperty<>();
    private final ObjectBinding<PhoneCheck> check;
    private final StringBinding feedback;
    private final BooleanBinding valid;

    public PhoneInput(Country defaultCountry, ResourceBundle bundle) {
        country.set(defaultCountry);
        check = Bindings.createObjectBinding(this::checkNow, text, country);
        feedback = Bindings.createStringBinding(() -> describe(check.get(), bundle), check);
        valid = Bindings.createBooleanBinding(() -> check.get().isValid(), check);
    }

    private PhoneCheck checkNow() {
        String region = country.get() == null ? PhoneNumbers.NO_COUNTRY : country.get().code();
        return new PhoneNumbers(region).check(text.get());
    }

    private String describe(PhoneCheck result, ResourceBundle bundle) {
        if (text.get() == null || text.get().isBlank()) {
            return "";
        }
        return switch (result.verdict()) {
            case MOBILE -> MessageFormat.format(bundle.getString("phone.mobile"), PhoneNumbers.forPeople(result.e164()));
            case LANDLINE -> MessageFormat.format(bundle.getString("phone.landline"), PhoneNumbers.forPeople(result.e164()));
            case REJECTED -> MessageFormat.format(bundle.getString("phone.rejected"), result.reason());
        };
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Country> countryProperty() {
        return country;
    }

    /** "Saved as +4915142883039", a landline warning, or the reason in plain words; empty while nothing is typed. */
    public StringBinding feedbackBinding() {
        return feedback;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** The number in E.164; only call it when {@link #validBinding()} is true. */
    public String e164() {
        return check.get().e164();
    }
}
