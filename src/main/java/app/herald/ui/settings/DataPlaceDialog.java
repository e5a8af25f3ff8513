package app.herald.ui.settings;

import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The dialog of {@link DataPlaceViewModel}: this computer or a shared server, its fields, Test, Move, Save. */
final class DataPlaceDialog {

    private final DataPlaceViewModel viewModel;
    private final ResourceBundle bundle;

    DataPlaceDialog(DataPlaceViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    void showAndWait(Window owner) {
        ToggleGroup place = new ToggleGroup();
        RadioButton thisComputer = radio("thisComputerChoice", "dataPlace.local", place);
        RadioButton sharedServer = radio("sharedServerChoice", "dataPlace.shared", place);
        place.selectToggle(viewModel.sharedProperty().get() ? sharedServer : thisComputer);
        viewModel.sharedProperty().addListener((observable, was, shared) -> place.selectToggle(shared ? sharedServer : thisComputer));
        sharedServer.selectedProperty().addListener((observable, was, shared) -> viewModel.sharedProperty().set(shared));

        TextField host = field("hostField", viewModel.hostProperty(), "db.office.lan");
        TextField port = field("portField", viewModel.portProperty(), "5432");
        port.setPrefColumnCount(6);
        TextField database = field("databaseField", viewModel.databaseProperty(), "herald");
        TextField user = field("userField", viewModel.userProperty(), "herald");
        PasswordField password = new PasswordField();
        password.setId("databasePasswordField");
        password.setPromptText(bundle.getString("dataPlace.password.prompt"));
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        CheckBox tls = new CheckBox(bundle.getString("dataPlace.tls"));
        tls.setId("tlsBox");
        tls.selectedProperty().bindBidirectional(viewModel.tlsProperty());
        tls.setTooltip(new Tooltip(bundle.getString("dataPlace.tls.help")));
        password.setTooltip(new Tooltip(bundle.getString("dataPlace.password.help")));

        GridPane server = new GridPane();
        server.setHgap(8);
        server.setVgap(6);
        server.addRow(0, label("dataPlace.host"), host, label("dataPlace.port"), port);
        server.addRow(1, label("dataPlace.database"), database);
        server.addRow(2, label("dataPlace.user"), user);
        server.addRow(3, label("dataPlace.password"), password);
        server.add(tls, 1, 4, 3, 1);
        GridPane.setColumnSpan(database, 3);
        GridPane.setColumnSpan(user, 3);
        GridPane.setColumnSpan(password, 3);
        GridPane.setHgrow(host, Priority.ALWAYS);
        server.disableProperty().bind(sharedServer.selectedProperty().not());

        Button test = new Button(bundle.getString("dataPlace.test"));
        test.setId("testDatabaseButton");
        test.setOnAction(event -> viewModel.test());
        Button move = new Button(bundle.getString("dataPlace.move"));
        move.setId("moveDataButton");
        move.setOnAction(event -> viewModel.moveData());
        move.setVisible(viewModel.canMove());
        move.setManaged(viewModel.canMove());
        HBox actions = new HBox(8, test, move);
        actions.disableProperty().bind(sharedServer.selectedProperty().not().or(viewModel.busyProperty()));

        ProgressBar progress = new ProgressBar();
        progress.setId("copyProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.progressProperty().isNotEqualTo(0, 0));
        progress.managedProperty().bind(progress.visibleProperty());

        Label answer = new Label();
        answer.setId("dataPlaceAnswer");
        answer.setWrapText(true);
        answer.setMinHeight(Label.USE_PREF_SIZE);
        answer.textProperty().bind(viewModel.answerProperty());
        viewModel.answerIsProblemProperty().addListener((observable, was, problem) -> {
            answer.getStyleClass().removeAll("warning", "notice");
            answer.getStyleClass().add(problem ? "warning" : "notice");
        });

        Label now = new Label(viewModel.now());
        now.setWrapText(true);
        now.setId("dataPlaceNow");
        VBox content = new VBox(8, now, muted(bundle.getString("dataPlace.help")), thisComputer, sharedServer, server,
                actions, progress, answer);
        content.setPadding(new Insets(12, 16, 4, 16));
        if (viewModel.environmentChooses()) {
            Label environment = new Label(bundle.getString("dataPlace.environment"));
            environment.setWrapText(true);
            environment.getStyleClass().add("warning");
            content.getChildren().add(1, environment);
        }

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(bundle.getString("dataPlace.title"));
        dialog.getDialogPane().setId("dataPlaceDialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(560);
        ButtonType save = new ButtonType(bundle.getString("settings.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CLOSE);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(viewModel.busyProperty());
        // Save keeps the dialog open: it says where the data will be, and the person closes it
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.save();
        });
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).disableProperty().bind(viewModel.busyProperty());
        viewModel.load();
        dialog.showAndWait();
    }

    private RadioButton radio(String id, String key, ToggleGroup group) {
        RadioButton radio = new RadioButton(bundle.getString(key));
        radio.setId(id);
        radio.setWrapText(true);
        radio.setToggleGroup(group);
        return radio;
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Label label(String key) {
        return new Label(bundle.getString(key));
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.getStyleClass().add("muted");
        return label;
    }
}
