package app.herald.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Country;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.csv.ContactImporter;
import app.herald.storage.Database;
import app.herald.ui.common.SameThreadTasks;
import app.herald.ui.common.Tasks;
import app.herald.ui.importer.ImportViewModel.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import dialog without a Stage: real sample files, real H2, work run in the test's thread. */
class ImportViewModelTest {

    private static final Country US = Country.find("US").orElseThrow();

    @TempDir
    Path folder;

    private Database database;
    private final List<Country> remembered = new ArrayList<>();
    private final List<String> importedInto = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("herald"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ImportViewModel viewModel(Tasks tasks) {
        return new ImportViewModel(new ContactImporter(database.jdbi()), tasks,
                ResourceBundle.getBundle("app.herald.ui.messages"), remembered::add, importedInto::add, clock::get);
    }

    private static Path sample(String name) throws Exception {
        return Path.of(ImportViewModelTest.class.getResource("/samples/" + name).toURI());
    }

    @Test
    void detectsGuessesImportsAndReports() throws Exception {
        ImportViewModel viewModel = viewModel(SameThreadTasks.create());

        viewModel.open(sample("excel-de-semicolon-bom.csv"), Country.find("DE").orElseThrow(), "", List.of());

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SETUP);
        assertThat(viewModel.delimiterProperty().get()).isEqualTo(';');
        assertThat(viewModel.hasHeaderProperty().get()).isTrue();
        assertThat(viewModel.columnNames().get(viewModel.phoneColumnProperty().get())).isEqualTo("Handy");
        assertThat(viewModel.previewRows()).hasSize(ImportViewModel.PREVIEW_ROWS);
        assertThat(viewModel.listNameProperty().get()).isEqualTo("excel-de-semicolon-bom");
        assertThat(viewModel.canImportBinding().get()).isTrue();

        viewModel.start();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(viewModel.reportProperty().get().imported()).isEqualTo(150);
        assertThat(viewModel.rowsReadProperty().get()).isEqualTo(166);
        assertThat(remembered).extracting(Country::code).containsExactly("DE");
        assertThat(importedInto).containsExactly("excel-de-semicolon-bom");
        assertThat(new RecipientLists(database.jdbi()).find("excel-de-semicolon-bom").orElseThrow().contacts())
                .isEqualTo(150);
    }

    @Test
    void changingTheDelimiterReadsThePreviewAgainAndTheMappingFollows() throws Exception {
        Path file = Files.writeString(folder.resolve("pipes.txt"), "name|mobile\nAna|+1 415 555 0132\nBo|+1 415 555 0133\n");
        ImportViewModel viewModel = viewModel(SameThreadTasks.create());
        viewModel.open(file, US, "Clients", List.of("Clients"));
        assertThat(viewModel.columnNames()).containsExactly("name", "mobile");

        viewModel.delimiterProperty().set(',');

        assertThat(viewModel.columnNames()).containsExactly("name|mobile");
        assertThat(viewModel.previewRows()).extracting(row -> row[0]).containsExactly("Ana|+1 415 555 0132", "Bo|+1 415 555 0133");

        viewModel.delimiterProperty().set('|');
        viewModel.hasHeaderProperty().set(false);

        assertThat(viewModel.columnNames()).containsExactly("Column 1", "Column 2");
        assertThat(viewModel.previewRows()).hasSize(3);
        assertThat(viewModel.phoneColumnProperty().get()).isEqualTo(1);
    }

    @Test
    void aWrongEncodingIsExplainedAndNothingCanBeImported() throws Exception {
        Path file = Files.write(folder.resolve("latin.csv"), "Name;Handy\nZoë;+49 151 42883039\n"
                .getBytes("windows-1252"));
        ImportViewModel viewModel = viewModel(SameThreadTasks.create());
        viewModel.open(file, US, "", List.of());

        viewModel.encodingProperty().set(StandardCharsets.UTF_8);

        assertThat(viewModel.noticeProperty().get().problem()).isTrue();
        assertThat(viewModel.noticeProperty().get().text()).contains("not all UTF-8 text");
        assertThat(viewModel.canImportBinding().get()).isFalse();
    }

    @Test
    void landlinesLeftOutCanBeImportedAfterwards() throws Exception {
        Path file = Files.writeString(folder.resolve("de.csv"), "name,phone\nPraxis,+49 30 12345678\nAna,+49 151 42883039\n");
        ImportViewModel viewModel = viewModel(SameThreadTasks.create());
        viewModel.open(file, US, "Clients", List.of());
        viewModel.start();
        assertThat(viewModel.reportProperty().get().landlines()).isEqualTo(1);

        viewModel.importLandlinesToo();

        assertThat(viewModel.reportProperty().get().imported()).isEqualTo(1);
        assertThat(viewModel.reportProperty().get().duplicates()).isEqualTo(1);
        assertThat(new RecipientLists(database.jdbi()).find("Clients").orElseThrow().contacts()).isEqualTo(2);
    }

    @Test
    void progressIsSampledWhileTheImportRunsAndCancelLeavesNothing() throws Exception {
        StringBuilder text = new StringBuilder("name,phone\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Person ").append(i).append(",+1 415 555 ").append(String.format("%04d", i % 10_000)).append('\n');
        }
        Path file = Files.writeString(folder.resolve("big.csv"), text);
        List<Runnable> background = new ArrayList<>();
        ImportViewModel viewModel = viewModel(new Tasks(background::add, Runnable::run));
        viewModel.open(file, US, "Big", List.of());
        background.remove(0).run();

        viewModel.start();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        viewModel.cancel();
        background.remove(0).run();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SETUP);
        assertThat(viewModel.noticeProperty().get().text()).isEqualTo("Import cancelled. Nothing was imported.");
        assertThat(new RecipientLists(database.jdbi()).find("Big")).isEmpty();

        viewModel.start();
        clock.set(2_000_000_000L);
        background.remove(0).run();
        assertThat(viewModel.rowsReadProperty().get()).isEqualTo(20_000);
        assertThat(viewModel.rowsPerSecondProperty().get()).isEqualTo(10_000);
        assertThat(viewModel.fractionProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.reportProperty().get().duplicates()).isEqualTo(10_000);
    }

    @Test
    void rejectedRowsAreSavedForASpreadsheet() throws Exception {
        Path file = Files.writeString(folder.resolve("messy.csv"), "name,phone\nAna,+1 415 555 0132\nBo,call me\n");
        ImportViewModel viewModel = viewModel(SameThreadTasks.create());
        viewModel.open(file, US, "Clients", List.of());
        viewModel.start();
        Path target = folder.resolve("rejected.csv");

        viewModel.saveRejected(target);

        assertThat(Files.readAllLines(target, StandardCharsets.UTF_8)).hasSize(2).last().asString().startsWith("3,call me,");
        assertThat(viewModel.noticeProperty().get().text()).startsWith("Saved 1 rows to");
    }
}
