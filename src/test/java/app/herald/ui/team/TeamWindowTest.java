package app.herald.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.Contacts;
import app.herald.contacts.TestContacts;
import app.herald.contacts.RecipientLists;
import app.herald.storage.Database;
import app.herald.storage.Lease;
import app.herald.storage.SharedServer;
import app.herald.storage.TestPostgres;
import app.herald.storage.WorkLeases;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a shared PostgreSQL server: the status bar says where the data is, a list
 * another desktop makes shows without a click, and Settings says where the data is kept.
 */
class TeamWindowTest extends HeraldWindowTest {

    @Test
    void aListAnotherDesktopMakesShowsHereOnItsOwn() throws Exception {
        SharedServer server = TestPostgres.newDatabase();
        startHerald(Map.of("HERALD_DATABASE_URL", server.url(), "HERALD_DATABASE_USER", server.user(),
                "HERALD_DATABASE_PASSWORD", server.password())).waitUntilReady();
        herald.waitFor(() -> text("#dataFolderLabel").startsWith("Shared data: localhost:"));

        try (Database otherDesktop = Database.open(server)) {
            long list = new RecipientLists(otherDesktop.jdbi()).create("Front desk").id();
            new Contacts(otherDesktop.jdbi()).add(list, "+14155550132", "Ana Lopez");
        }
        // no click: the list and its contact arrive by the change feed
        assertThat(herald.shows("1 contact")).isTrue();
        herald.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup((Node node) -> node instanceof Labeled cell
                && "Ana Lopez".equals(cell.getText())).tryQuery().isPresent()).get());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "team-lists");

        shortcut(KeyCode.DIGIT4);
        herald.waitFor(() -> visible("#dataPlaceButton"));
        robot.clickOn("#dataPlaceButton");
        herald.waitFor(() -> visible("#dataPlaceDialog"));
        assertThat(text("#dataPlaceNow")).isEqualTo("Herald's data is on the shared server " + server.where() + " now.");
        assertThat(visible("#moveDataButton")).as("its data is on the server already").isFalse();
        robot.clickOn("#sharedServerChoice");
        robot.clickOn("#hostField").write("db.office.lan");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Where Herald keeps its data").getScene(), "data-place");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void aBroadcastAnotherDesktopIsSendingCannotBeResumedHere() throws Exception {
        SharedServer server = TestPostgres.newDatabase();
        try (Database otherDesktop = Database.open(server)) {
            Jdbi deskB = otherDesktop.jdbi();
            long broadcast = plannedByDeskB(deskB);
            try (Lease sending = WorkLeases.take(deskB, "broadcast:" + broadcast)) {
                openHistoryWhileDeskBSends(server);
                assertThat(text("#sentElsewhereLabel")).matches("Broadcast " + broadcast + " is being sent by desk-B, last heard"
                        + " from \\d+ seconds? ago\\. Only one computer sends a broadcast: .*");
                assertThat(robot.lookup("#resumeButton").queryButton().isDisabled()).isTrue();
                // desk-B renews its lease every 15 seconds: here the time since it was heard from moves on meanwhile
                herald.waitFor(() -> text("#sentElsewhereLabel").matches(".* last heard from ([3-9]|1\\d) seconds ago\\..*"));
                WaitForAsyncUtils.waitForFxEvents();
                Screenshots.save(robot, herald.stage().getScene(), "team-history");
            }
            // desk-B gave it back: no click, and this desktop may resume it
            herald.waitFor(() -> !visible("#sentElsewhereLabel")
                    && !robot.lookup("#resumeButton").queryButton().isDisabled());
        }
    }

    /** The History screen must not go on reading once its window is gone (its work is shut down with Herald). */
    @Test
    void closingHistoryWhileAnotherDesktopSendsLeavesNothingReadingOn() throws Throwable {
        SharedServer server = TestPostgres.newDatabase();
        try (Database otherDesktop = Database.open(server)) {
            Jdbi deskB = otherDesktop.jdbi();
            long broadcast = plannedByDeskB(deskB);
            try (Lease sending = WorkLeases.take(deskB, "broadcast:" + broadcast)) {
                openHistoryWhileDeskBSends(server);
                herald.stop();
                Thread.sleep(3_000);
                WaitForAsyncUtils.checkException();
            }
        }
    }

    /** A broadcast desk-B planned, whose leases are desk-B's. @return its id */
    private static long plannedByDeskB(Jdbi deskB) {
        WorkLeases.configure(deskB, new WorkLeases.Holder("desk-B /data", "desk-B"), Duration.ofMinutes(1));
        return TestBroadcasts.plan(deskB, "The office is closed on Friday", List.of(TestContacts.list(deskB, "All", 3)));
    }

    private void openHistoryWhileDeskBSends(SharedServer server) throws Exception {
        startHerald(Map.of("HERALD_DATABASE_URL", server.url(), "HERALD_DATABASE_USER", server.user(),
                "HERALD_DATABASE_PASSWORD", server.password())).waitUntilReady();
        // a broadcast with batches not sent yet is pointed out at the start
        herald.waitFor(() -> herald.showing("Open History") || robot.lookup("Open History").tryQuery().isPresent());
        robot.clickOn("Open History");
        herald.waitFor(() -> visible("#sentElsewhereLabel"));
    }

    private String text(String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse(""))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
