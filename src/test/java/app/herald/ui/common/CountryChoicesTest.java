package app.herald.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Country;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The country box in a real window, typed into as a person does. */
class CountryChoicesTest {

    private final FxRobot robot = new FxRobot();
    private ComboBox<Country> box;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            box = new ComboBox<>();
            CountryChoices.fill(box, "DE");
            stage.setScene(new Scene(new StackPane(box), 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String chosen() {
        return box.getValue() == null ? null : box.getValue().name();
    }

    @Test
    void thisComputersCountryComesFirstThenEveryOtherByName() {
        assertThat(box.getItems().get(0).code()).isEqualTo("DE");
        assertThat(box.getItems()).hasSize(Country.all().size()).doesNotHaveDuplicates();
        assertThat(box.getItems().get(1).name()).isEqualTo("Afghanistan");
    }

    @Test
    void theFirstMatchIsThisComputersCountryWhenItMatches() throws Exception {
        robot.interact(() -> CountryChoices.fill(box, "US"));
        robot.clickOn(box).type(KeyCode.ESCAPE);

        robot.write("uni");
        assertThat(chosen()).isEqualTo("United States");
        robot.write("ted k");
        assertThat(chosen()).as("the letters typed together make one name").isEqualTo("United Kingdom");
    }

    @Test
    void typingTheFirstLettersGoesToTheCountryClosedOrOpen() throws Exception {
        robot.clickOn(box).type(KeyCode.ESCAPE);
        robot.write("uni");
        assertThat(chosen()).isEqualTo("United Arab Emirates");
        robot.write("ted k");
        assertThat(chosen()).isEqualTo("United Kingdom");

        Thread.sleep(1_100);
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.isShowing()).isTrue();
        robot.write("cura");
        assertThat(chosen()).as("accents aside").isEqualTo("Curaçao");
    }
}
