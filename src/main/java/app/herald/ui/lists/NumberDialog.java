package app.herald.ui.lists;

import app.herald.contacts.Country;
import app.herald.ui.common.CountryChoices;
import app.herald.ui.common.PhoneInput;
import java.util.ArrayList;
import java.util.List;
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
 * A phone number and lines of text about it (a contact's names and kept fields, an opt-out's
 * reason). The number is checked as it is typed, with what it will be saved as; Save stays off
 * until Herald can use it.
 */
final class NumberDialog {

    /** One line of text: what it is, and what it holds now. */
    record TextRow(String label, String text) {
    }

    /** What the person entered: the number in E.164 and the text of each row, in the rows' order. */
    record Entry(String e164, List<String> texts) {

        String text() {
            return texts.get(0);
        }
    }

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private NumberDialog() {
    }

    /**
     * @param textLabel what the second field holds ("Reason:")
     */
    static Optional<Entry> show(Node owner, ResourceBundle bundle, String title, Country country, String number,
            String textLabel, String text) {
        return show(owner, bundle, title, country, number, List.of(new TextRow(textLabel, text)));
    }

    /** @param rows the lines of text under the number, the first one focused after it */
    static Optional<Entry> show(Node owner, ResourceBundle bundle, String title, Country country, String number,
            List<TextRow> rows) {
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
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(bundle.getString("contacts.number.label")), numberField);
        grid.add(feedback, 1, 1);
        grid.addRow(2, new Label(bundle.getString("contacts.country.label")), countryBox);
        List<TextField> textFields = new ArrayList<>();
        for (TextRow row : rows) {
            TextField textField = new TextField(row.text());
            // the first keeps the id the window tests know it by
            textField.setId(textFields.isEmpty() ? "textField" : "textField" + textFields.size());
            grid.addRow(3 + textFields.size(), new Label(row.label()), textField);
            textFields.add(textField);
        }

        ButtonType save = new ButtonType(bundle.getString("contacts.save"), ButtonBar.ButtonData.OK_DONE);
        Dialog<Entry> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.getDialogPane().setId("numberDialog");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(input.validBinding().not());
        dialog.setResultConverter(button -> button == save
                ? new Entry(input.e164(), textFields.stream().map(TextField::getText).toList()) : null);
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
