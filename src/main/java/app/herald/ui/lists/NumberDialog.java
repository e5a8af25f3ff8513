package app.herald.ui.lists;

import app.herald.contacts.Country;
import app.herald.ui.common.CountryChoices;
import app.herald.ui.common.PhoneInput;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * A phone number and one line of text about it (a contact's name, an opt-out's reason). The number
 * is checked as it is typed, with what it will be saved as; Save stays off until Herald can use it.
 */
final class NumberDialog {

    /** What the person entered: the number in E.164 and the text beside it. */
    record Entry(String e164, String text) {
    }

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private NumberDialog() {
    }

    /**
     * @param textLabel what the second field holds ("Name:", "Reason:")
     */
    static Optional<Entry> show(Node owner, ResourceBundle bundle, String title, Country country, String number,
            String textLabel, String text) {
        PhoneInput input = new PhoneInput(country, bundle);
        input.textProperty().set(number);

        TextField numberField = new TextField();
        numberField.setId("numberField");
        numberField.setPromptText(bundle.getString("contacts.number.prompt"));
        numberField.textProperty().bindBidirectional(input.textProperty());
        ComboBox<Country> countryBox = countryBox(input);
        Label feedback = new Label();
        feedback.setId("numberFeedback");
        feedback.getStyleClass().add("number-feedback");
        feedback.setWrapText(true);
        feedback.setMaxWidth(380);
        feedback.textProperty().bind(input.feedbackBinding());
        feedback.pseudoClassStateChanged(INVALID, !input.validBinding().get());
        input.validBinding().addListener((observable, was, valid) -> feedback.pseudoClassStateChanged(INVALID, !valid));
        TextField textField = new TextField(text);
        textField.setId("textField");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(bundle.getString("contacts.number.label")), numberField);
        grid.add(feedback, 1, 1);
        grid.addRow(2, new Label(bundle.getString("contacts.country.label")), countryBox);
        grid.addRow(3, new Label(textLabel), textField);

        ButtonType save = new ButtonType(bundle.getString("contacts.save"), ButtonBar.ButtonData.OK_DONE);
        Dialog<Entry> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.getDialogPane().setId("numberDialog");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(input.validBinding().not());
        dialog.setResultConverter(button -> button == save ? new Entry(input.e164(), textField.getText()) : null);
        Platform.runLater(numberField::requestFocus);
        return dialog.showAndWait();
    }

    private static ComboBox<Country> countryBox(PhoneInput input) {
        ComboBox<Country> box = new ComboBox<>();
        box.setId("countryBox");
        CountryChoices.fill(box);
        box.valueProperty().bindBidirectional(input.countryProperty());
        return box;
    }
}
