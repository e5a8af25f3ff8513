package app.herald.ui.lists;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactFields;
import app.herald.contacts.Country;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.RecipientList;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.EmptyState;
import app.herald.ui.common.NoticeLabels;
import java.io.File;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** Wires the Lists screen to its view model and asks the person's questions (names, confirmations, files). */
public final class ListsController {

    private static final PseudoClass OPTED_OUT = PseudoClass.getPseudoClass("opted-out");
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final ListsViewModel viewModel;
    private final Node optOutsView;
    private final ResourceBundle bundle;
    private final Supplier<Country> defaultCountry;
    private final Runnable startImport;

    @FXML private TabPane tabs;
    @FXML private Tab optOutsTab;
    @FXML private ListView<RecipientList> listView;
    @FXML private VBox noListsPane;
    @FXML private VBox listPane;
    @FXML private Label listTitle;
    @FXML private Label listCounts;
    @FXML private Button renameListButton;
    @FXML private Button exportListButton;
    @FXML private Button deleteListButton;
    @FXML private TextField searchField;
    @FXML private ProgressIndicator pageLoading;
    @FXML private Button addContactButton;
    @FXML private Button editContactButton;
    @FXML private Button optOutButton;
    @FXML private Button deleteContactsButton;
    @FXML private TableView<Contact> contactTable;
    @FXML private TableColumn<Contact, String> numberColumn;
    @FXML private TableColumn<Contact, String> nameColumn;
    @FXML private TableColumn<Contact, String> statusColumn;
    @FXML private Label rangeLabel;
    @FXML private Button firstPageButton;
    @FXML private Button previousPageButton;
    @FXML private Button nextPageButton;
    @FXML private Button lastPageButton;
    @FXML private Label noticeLabel;

    /**
     * @param defaultCountry the country numbers typed without + belong to, or null when none is chosen yet
     * @param startImport    opens the import dialog
     */
    public ListsController(ListsViewModel viewModel, Node optOutsView, ResourceBundle bundle,
            Supplier<Country> defaultCountry, Runnable startImport) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.optOutsView = Objects.requireNonNull(optOutsView);
        this.bundle = Objects.requireNonNull(bundle);
        this.defaultCountry = Objects.requireNonNull(defaultCountry);
        this.startImport = Objects.requireNonNull(startImport);
    }

    @FXML
    private void initialize() {
        optOutsTab.setContent(optOutsView);
        noListsPane.getChildren().add(EmptyState.create(bundle.getString("lists.none.title"),
                bundle.getString("lists.none.text")));
        bindLists();
        bindSelectedList();
        bindContacts();
        bindPaging();
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
        tabs.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                searchField.requestFocus();
                event.consume();
            }
        });
        viewModel.refresh();
    }

    private void bindLists() {
        listView.setItems(viewModel.lists());
        listView.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RecipientList list, boolean empty) {
                super.updateItem(list, empty);
                setText(empty || list == null ? null : list.name());
            }
        });
        // replacing the items clears the view's selection for a moment: only a real choice counts
        listView.getSelectionModel().selectedItemProperty().addListener((observable, previous, list) -> {
            if (list != null) {
                viewModel.selectedProperty().set(list);
            }
        });
        viewModel.selectedProperty().addListener((observable, previous, list) -> {
            if (list == null) {
                listView.getSelectionModel().clearSelection();
            } else if (listView.getSelectionModel().getSelectedItem() != list) {
                listView.getSelectionModel().select(list);
            }
        });
    }

    private void bindSelectedList() {
        BooleanBinding noList = viewModel.selectedProperty().isNull();
        BooleanBinding noListsAtAll = Bindings.isEmpty(viewModel.lists());
        noListsPane.visibleProperty().bind(noListsAtAll);
        listPane.visibleProperty().bind(noListsAtAll.not());
        listTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? bundle.getString("lists.noneChosen") : viewModel.selectedProperty().get().name(), viewModel.selectedProperty()));
        listCounts.textProperty().bind(Bindings.createStringBinding(() -> counts(viewModel.selectedProperty().get()),
                viewModel.selectedProperty()));
        BooleanBinding unavailable = noList.or(viewModel.busyProperty());
        for (Node node : List.of(renameListButton, exportListButton, deleteListButton, addContactButton, searchField)) {
            node.disableProperty().bind(unavailable);
        }
    }

    private String counts(RecipientList list) {
        if (list == null) {
            return "";
        }
        return list.optedOut() == 0
                ? MessageFormat.format(bundle.getString("lists.count"), list.contacts())
                : MessageFormat.format(bundle.getString("lists.countWithOptOuts"), list.contacts(), list.optedOut());
    }

    private void bindContacts() {
        contactTable.setItems(viewModel.pager().rows());
        contactTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> searchField.getText().isBlank()
                ? bundle.getString("contacts.empty")
                : MessageFormat.format(bundle.getString("contacts.noMatch"), searchField.getText().strip()),
                searchField.textProperty()));
        contactTable.setPlaceholder(placeholder);
        numberColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(PhoneNumbers.forPeople(row.getValue().e164())));
        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        statusColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                row.getValue().optedOut() ? bundle.getString("contacts.optedOutMark") : ""));
        contactTable.setRowFactory(table -> {
            TableRow<Contact> row = new TableRow<>() {
                @Override
                protected void updateItem(Contact contact, boolean empty) {
                    super.updateItem(contact, empty);
                    pseudoClassStateChanged(OPTED_OUT, !empty && contact != null && contact.optedOut());
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    editContact();
                }
            });
            return row;
        });
        contactTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                deleteContacts();
            } else if (event.getCode() == KeyCode.ENTER) {
                editContact();
            }
        });
        var chosen = contactTable.getSelectionModel().getSelectedItems();
        BooleanBinding noneChosen = Bindings.isEmpty(chosen).or(viewModel.busyProperty());
        deleteContactsButton.disableProperty().bind(noneChosen);
        optOutButton.disableProperty().bind(noneChosen);
        editContactButton.disableProperty().bind(Bindings.size(chosen).isNotEqualTo(1).or(viewModel.busyProperty()));

        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(event -> viewModel.search(searchField.getText()));
        searchField.textProperty().addListener((observable, previous, text) -> typing.playFromStart());
        searchField.setOnAction(event -> {
            typing.stop();
            viewModel.search(searchField.getText());
        });
    }

    private void bindPaging() {
        ContactPager pager = viewModel.pager();
        pageLoading.visibleProperty().bind(pager.loadingProperty().or(viewModel.busyProperty()));
        rangeLabel.textProperty().bind(Bindings.createStringBinding(this::range,
                pager.positionProperty(), pager.totalProperty(), pager.rows()));
        firstPageButton.disableProperty().bind(pager.hasPreviousBinding().not());
        previousPageButton.disableProperty().bind(pager.hasPreviousBinding().not());
        nextPageButton.disableProperty().bind(pager.hasNextBinding().not());
        lastPageButton.disableProperty().bind(pager.hasNextBinding().not());
    }

    private String range() {
        ContactPager pager = viewModel.pager();
        if (pager.rows().isEmpty()) {
            return bundle.getString(searchField.getText().isBlank() ? "contacts.rangeEmpty" : "contacts.searchEmpty");
        }
        long from = pager.positionProperty().get() + 1;
        return MessageFormat.format(bundle.getString("contacts.range"), from, from + pager.rows().size() - 1,
                pager.totalProperty().get());
    }

    @FXML
    private void newList() {
        Dialogs.askText(listView, bundle.getString("lists.new.title"), bundle.getString("lists.new.header"),
                bundle.getString("lists.name.label"), "").ifPresent(viewModel::createList);
    }

    @FXML
    private void renameList() {
        RecipientList list = viewModel.selectedProperty().get();
        Dialogs.askText(listView, bundle.getString("lists.rename.title"),
                        MessageFormat.format(bundle.getString("lists.rename.header"), list.name()),
                        bundle.getString("lists.name.label"), list.name())
                .ifPresent(viewModel::renameSelected);
    }

    @FXML
    private void deleteList() {
        if (Dialogs.confirm(listView, bundle.getString("lists.delete.title"), viewModel.deleteQuestion(),
                bundle.getString("lists.delete.title"))) {
            viewModel.deleteSelected();
        }
    }

    @FXML
    private void exportList() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("lists.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(bundle.getString("lists.csvFiles"), "*.csv"));
        viewModel.exportFileName().ifPresent(chooser::setInitialFileName);
        File target = chooser.showSaveDialog(listView.getScene().getWindow());
        if (target != null) {
            viewModel.exportSelected(target.toPath());
        }
    }

    @FXML
    private void importFile() {
        startImport.run();
    }

    @FXML
    private void addContact() {
        ContactRows rows = new ContactRows(bundle, viewModel.fieldsOfSelected(), ContactFields.NONE);
        NumberDialog.show(listView, bundle, bundle.getString("contacts.add.title"), defaultCountry.get(), "", rows.rows())
                .ifPresent(entry -> viewModel.addContact(entry.e164(), rows.fieldsFrom(entry.texts())));
    }

    @FXML
    private void editContact() {
        List<Contact> chosen = List.copyOf(contactTable.getSelectionModel().getSelectedItems());
        if (chosen.size() != 1) {
            return;
        }
        Contact contact = chosen.get(0);
        ContactRows rows = new ContactRows(bundle, viewModel.fieldsOfSelected(), contact.fields());
        NumberDialog.show(listView, bundle, bundle.getString("contacts.edit.title"), defaultCountry.get(), contact.e164(),
                        rows.rows())
                .ifPresent(entry -> viewModel.updateContact(contact, entry.e164(), rows.fieldsFrom(entry.texts())));
    }

    @FXML
    private void deleteContacts() {
        List<Contact> chosen = List.copyOf(contactTable.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty() && Dialogs.confirm(listView, bundle.getString("contacts.delete.title"),
                viewModel.deleteContactsQuestion(chosen), bundle.getString("contacts.delete"))) {
            viewModel.deleteContacts(chosen);
        }
    }

    @FXML
    private void optOutContacts() {
        List<Contact> chosen = List.copyOf(contactTable.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty() && Dialogs.confirm(listView, bundle.getString("contacts.optOut.title"),
                viewModel.optOutQuestion(chosen), bundle.getString("contacts.optOut"))) {
            viewModel.optOut(chosen, bundle.getString("contacts.optOut.reason"));
        }
    }

    @FXML
    private void firstPage() {
        viewModel.pager().first();
    }

    @FXML
    private void previousPage() {
        viewModel.pager().previous();
    }

    @FXML
    private void nextPage() {
        viewModel.pager().next();
    }

    @FXML
    private void lastPage() {
        viewModel.pager().last();
    }
}
