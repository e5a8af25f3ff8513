package app.herald.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.storage.Database;
import app.herald.storage.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved messages on a real database (both engines), edited by two people at once: "mine" and
 * "theirs" read and write the same table, as two desktops on one shared server do.
 */
class TemplatesTest {

    @TempDir
    Path folder;

    private Database database;
    private Templates mine;
    private Templates theirs;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        mine = new Templates(database.jdbi());
        theirs = new Templates(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aTemplateReadIsReplacedByItsNameWhateverTheCase() {
        mine.save("Closure", "Closed tomorrow", Optional.empty());
        Template read = only(mine.all());

        mine.save("closure", "Closed all week", Optional.of(read));

        Template now = only(mine.all());
        assertThat(now.name()).isEqualTo("Closure");
        assertThat(now.body()).isEqualTo("Closed all week");
        assertThat(now.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void aSaveOverATemplateSomeoneElseChangedMeanwhileIsRefusedAndTheirsKept() {
        mine.save("Closure", "Closed tomorrow", Optional.empty());
        Template iRead = only(mine.all());
        theirs.save("Closure", "Closed until Monday", Optional.of(only(theirs.all())));

        assertThatThrownBy(() -> mine.save("Closure", "Closed all week", Optional.of(iRead)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Someone else changed or deleted the template \u201cClosure\u201d since you opened it, so your text"
                        + " was not saved. Look at the templates again, then save.");
        assertThat(only(mine.all()).body()).isEqualTo("Closed until Monday");
    }

    @Test
    void aSaveOverATemplateSomeoneElseDeletedIsRefusedNotAddedBack() {
        mine.save("Closure", "Closed tomorrow", Optional.empty());
        Template iRead = only(mine.all());
        theirs.delete(only(theirs.all()));

        assertThatThrownBy(() -> mine.save("Closure", "Closed all week", Optional.of(iRead)))
                .isInstanceOf(TemplateException.class);
        assertThat(mine.all()).isEmpty();
    }

    @Test
    void aNewNameSomeoneElseTookMeanwhileIsRefused() {
        theirs.save("Closure", "Closed until Monday", Optional.empty());

        assertThatThrownBy(() -> mine.save("CLOSURE", "Closed all week", Optional.empty()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Someone else saved a template named \u201cCLOSURE\u201d since you opened the templates");
        assertThat(only(mine.all()).body()).isEqualTo("Closed until Monday");
    }

    @Test
    void aDeleteOfATemplateSomeoneElseChangedKeepsTheirs() {
        mine.save("Closure", "Closed tomorrow", Optional.empty());
        Template iRead = only(mine.all());
        theirs.save("Closure", "Closed until Monday", Optional.of(only(theirs.all())));

        assertThatThrownBy(() -> mine.delete(iRead))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("so it was not deleted");
        assertThat(only(mine.all()).body()).isEqualTo("Closed until Monday");
    }

    @Test
    void aDeleteOfATemplateSomeoneElseDeletedToo() {
        mine.save("Closure", "Closed tomorrow", Optional.empty());
        Template iRead = only(mine.all());
        theirs.delete(only(theirs.all()));

        mine.delete(iRead);

        assertThat(mine.all()).isEmpty();
    }

    @Test
    void aNameOrBodyTwilioWouldNotTakeIsRefusedInWords() {
        assertThatThrownBy(() -> mine.save("  ", "Hello", Optional.empty()))
                .isInstanceOf(TemplateException.class).hasMessage("A template needs a name of 1 to 200 characters.");
        assertThatThrownBy(() -> mine.save("Long", "x".repeat(1_601), Optional.empty()))
                .isInstanceOf(TemplateException.class).hasMessage("A message can have at most 1600 characters.");
        assertThat(mine.all()).isEmpty();
    }

    private static Template only(List<Template> templates) {
        assertThat(templates).hasSize(1);
        return templates.get(0);
    }
}
