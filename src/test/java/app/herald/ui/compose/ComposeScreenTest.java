package app.herald.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.TestContacts;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The composer in the real window: type, read the counter, fix a curly apostrophe, pick a list, see the cost. */
class ComposeScreenTest extends HeraldWindowTest {

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void typingUpdatesTheCounterAndTheCost() throws Exception {
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", 250);
        }
        startHerald().waitUntilReady();
        composeForTheFirstList();
        herald.waitFor(() -> label("#reachLabel").equals("250 recipients"));
        robot.clickOn("#messageArea").write("School closes at noon");
        assertThat(label("#counterLabel")).isEqualTo("21 / 160 \u00b7 1 segment \u00b7 GSM-7");

        // a curly apostrophe, as Word pastes it (typed through the text area, as a paste would land)
        robot.interact(() -> robot.lookup("#messageArea").queryAs(TextArea.class).appendText(" \u2013 don\u2019t forget"));
        assertThat(label("#counterLabel")).isEqualTo("36 / 70 \u00b7 1 segment \u00b7 UCS-2");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "compose");
        robot.clickOn("Replace all look-alikes");
        assertThat(label("#counterLabel")).isEqualTo("36 / 160 \u00b7 1 segment \u00b7 GSM-7");
        assertThat(robot.lookup("#nonGsmPane").query().isVisible()).isFalse();
        assertThat(label("#costLabel")).isEqualTo("Estimated cost: USD 2.08");

    }
}
