package app.herald.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactFields;
import app.herald.contacts.Contacts;
import app.herald.contacts.OptOuts;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.contacts.csv.ContactExporter;
import app.herald.storage.Database;
import app.herald.ui.common.SameThreadTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lists screen without a Stage: real H2, work run in the test's thread. */
class ListsViewModelTest {

    @TempDir
    Path folder;

    private Database database;
    private ListsViewModel viewModel;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("herald"));
        viewModel = new ListsViewModel(new RecipientLists(database.jdbi()), new Contacts(database.jdbi()),
                new OptOuts(database.jdbi()), new ContactExporter(database.jdbi()), SameThreadTasks.create(),
                ResourceBundle.getBundle("app.herald.ui.messages"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void addContacts(String listName, int count) {
        TestContacts.list(database.jdbi(), listName, count);
    }

    private RecipientList selected() {
        return viewModel.selectedProperty().get();
    }

    private List<String> numbersShown() {
        return viewModel.pager().rows().stream().map(Contact::e164).toList();
    }

    @Test
    void aNewListIsChosenAndCountedAndATakenNameIsExplained() {
        viewModel.createList("Parents");

        assertThat(viewModel.lists()).extracting(RecipientList::name).containsExactly("Parents");
        assertThat(selected().name()).isEqualTo("Parents");
        assertThat(viewModel.noticeProperty().get().text()).isEqualTo("Made the list \u201cParents\u201d.");

        viewModel.createList("parents");
        assertThat(viewModel.noticeProperty().get().problem()).isTrue();
        assertThat(viewModel.noticeProperty().get().text()).contains("already a list called");
        assertThat(viewModel.lists()).hasSize(1);
    }

    @Test
    void pagesWalkForwardJumpToTheEndAndBack() {
        addContacts("Big", 250);
        viewModel.refreshAndSelect("big");
        ContactPager pager = viewModel.pager();

        assertThat(pager.totalProperty().get()).isEqualTo(250);
        assertThat(numbersShown()).hasSize(100).first().isEqualTo("+14152000001");
        assertThat(pager.hasPreviousBinding().get()).isFalse();

        pager.next();
        assertThat(pager.positionProperty().get()).isEqualTo(100);
        assertThat(numbersShown()).first().isEqualTo("+14152000101");

        pager.last();
        assertThat(pager.positionProperty().get()).isEqualTo(150);
        assertThat(numbersShown()).last().isEqualTo("+14152000250");
        assertThat(pager.hasNextBinding().get()).isFalse();

        pager.previous();
        assertThat(pager.positionProperty().get()).isEqualTo(50);
        assertThat(numbersShown()).first().isEqualTo("+14152000051");
    }

    @Test
    void searchNarrowsThePageAndItsCount() {
        addContacts("Big", 250);
        viewModel.refreshAndSelect("Big");

        viewModel.search("person 12");

        assertThat(viewModel.pager().totalProperty().get()).isEqualTo(11);
        assertThat(numbersShown()).contains("+14152000012", "+14152000120");
        viewModel.search("");
        assertThat(viewModel.pager().totalProperty().get()).isEqualTo(250);
    }

    @Test
    void editsKeepThePageAndTheCountsTrue() {
        addContacts("Clients", 3);
        viewModel.refreshAndSelect("Clients");

        viewModel.addContact("+442079460000", ContactFields.named("Office"));
        assertThat(selected().contacts()).isEqualTo(4);
        assertThat(numbersShown()).last().isEqualTo("+442079460000");

        viewModel.addContact("+442079460000", ContactFields.named("Again"));
        assertThat(viewModel.noticeProperty().get()).satisfies(notice -> {
            assertThat(notice.problem()).isTrue();
            assertThat(notice.text()).isEqualTo("+442079460000 is already in this list.");
        });

        List<Contact> firstTwo = viewModel.pager().rows().subList(0, 2);
        assertThat(viewModel.deleteContactsQuestion(firstTwo)).startsWith("Delete these 2 contacts");
        viewModel.deleteContacts(List.copyOf(firstTwo));
        assertThat(selected().contacts()).isEqualTo(2);
        assertThat(numbersShown()).containsExactly("+14152000003", "+442079460000");

        Contact office = viewModel.pager().rows().get(1);
        viewModel.updateContact(office, "+442079460001", ContactFields.named("Office 2"));
        assertThat(viewModel.pager().rows().get(1).name()).isEqualTo("Office 2");

        viewModel.optOut(List.of(viewModel.pager().rows().get(1)), "asked not to be texted");
        assertThat(viewModel.pager().rows().get(1).optedOut()).isTrue();
        assertThat(selected().optedOut()).isEqualTo(1);
    }

    @Test
    void deletingAListNamesItsCountAndLeavesNothingChosen() {
        addContacts("Old", 1_234);
        viewModel.refreshAndSelect("Old");

        assertThat(viewModel.deleteQuestion()).isEqualTo(
                "Delete the list \u201cOld\u201d and its 1,234 contacts? This cannot be undone. Opt-outs are kept.");
        viewModel.deleteSelected();

        assertThat(viewModel.lists()).isEmpty();
        assertThat(selected()).isNull();
        assertThat(viewModel.pager().rows()).isEmpty();
    }

    @Test
    void exportWritesTheChosenListUnderASafeName() throws Exception {
        addContacts("A/B: 2026", 2);
        viewModel.refreshAndSelect("A/B: 2026");
        Path target = folder.resolve(viewModel.exportFileName().orElseThrow());

        viewModel.exportSelected(target);

        assertThat(target.getFileName().toString()).isEqualTo("A_B_ 2026.csv");
        assertThat(Files.readAllLines(target)).hasSize(3);
        assertThat(viewModel.noticeProperty().get().text()).startsWith("Exported 2 contacts");
    }
}
