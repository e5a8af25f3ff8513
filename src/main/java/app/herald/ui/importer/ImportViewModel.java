package app.herald.ui.importer;

import app.herald.contacts.Country;
import app.herald.contacts.ContactFields;
import app.herald.contacts.csv.ColumnMapping;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactFiles.Inspection;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.CsvFiles;
import app.herald.contacts.csv.CsvFormat;
import app.herald.contacts.csv.ImportProgress;
import app.herald.contacts.csv.ImportReport;
import app.herald.contacts.csv.ImportRequest;
import app.herald.contacts.csv.KeptColumns;
import app.herald.contacts.csv.RejectedRowsExporter;
import app.herald.ui.common.Notice;
import app.herald.ui.common.Tasks;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The import dialog's state, from the file to the report: what was detected (and changed by the
 * person), the preview and column mapping, the country and the target list; then the running
 * import's sampled progress; then what it did. Reading, checking and writing run through {@link Tasks}.
 */
public final class ImportViewModel {

    /** Where the dialog is: reading the file's first rows, waiting for the person, importing, or done. */
    public enum Phase {
        READING,
        SETUP,
        RUNNING,
        DONE
    }

    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1);
    public static final int PREVIEW_ROWS = 20;

    private final ContactImporter importer;
    private final Tasks tasks;
    private final ResourceBundle bundle;
    private final Consumer<Country> rememberCountry;
    private final Consumer<String> imported;
    private final LongSupplier nanoClock;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>(StandardCharsets.UTF_8);
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(',');
    private final BooleanProperty hasHeader = new SimpleBooleanProperty(true);
    private final ObservableList<String> columnNames = FXCollections.observableArrayList();
    private final ObservableList<String[]> previewRows = FXCollections.observableArrayList();
    private final IntegerProperty phoneColumn = new SimpleIntegerProperty(ColumnMapping.NONE);
    private final IntegerProperty nameColumn = new SimpleIntegerProperty(ColumnMapping.NONE);
    private final IntegerProperty firstNameColumn = new SimpleIntegerProperty(ColumnMapping.NONE);
    private final IntegerProperty lastNameColumn = new SimpleIntegerProperty(ColumnMapping.NONE);
    /** Further columns kept with each contact for personal messages, by position. */
    private final ObservableSet<Integer> keptColumns = FXCollections.observableSet(new TreeSet<>());
    private final ObjectProperty<Country> country = new SimpleObjectProperty<>();
    private final BooleanProperty includeLandlines = new SimpleBooleanProperty();
    private final StringProperty listName = new SimpleStringProperty("");
    private final ObservableList<String> listNames = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.READING);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    private final ReadOnlyLongWrapper rowsRead = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyDoubleWrapper rowsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> importedInto = new ReadOnlyObjectWrapper<>("");
    private final BooleanBinding canImport;

    private ImportProgress progress;
    private long startedAt;
    /** True while the format properties are set from a detection, so they do not each read the file again. */
    private boolean applyingDetection;

    /**
     * @param rememberCountry told the country of every import that starts, to offer it next time
     * @param imported        told the list's name after an import that went through
     * @param nanoClock       {@link System#nanoTime()}, or a test's clock
     */
    public ImportViewModel(ContactImporter importer, Tasks tasks, ResourceBundle bundle, Consumer<Country> rememberCountry,
            Consumer<String> imported, LongSupplier nanoClock) {
        this.importer = Objects.requireNonNull(importer);
        this.tasks = Objects.requireNonNull(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        this.rememberCountry = Objects.requireNonNull(rememberCountry);
        this.imported = Objects.requireNonNull(imported);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        encoding.addListener((observable, previous, current) -> formatChanged());
        delimiter.addListener((observable, previous, current) -> formatChanged());
        hasHeader.addListener((observable, previous, current) -> formatChanged());
        canImport = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.SETUP && phoneColumn.get() != ColumnMapping.NONE && country.get() != null
                        && !listName.get().isBlank() && !previewRows.isEmpty(),
                phase, phoneColumn, country, listName, previewRows);
    }

    /**
     * Reads the file's first rows in the background and guesses everything the person may change.
     *
     * @param suggestedList the list to import into unless the person names another
     */
    public void open(Path chosen, Country defaultCountry, String suggestedList, List<String> existingLists) {
        file.set(Objects.requireNonNull(chosen));
        country.set(defaultCountry);
        listNames.setAll(existingLists);
        listName.set(suggestedList == null || suggestedList.isBlank() ? fileStem(chosen) : suggestedList);
        phase.set(Phase.READING);
        tasks.run(() -> ContactFiles.inspect(chosen))
                .onSuccess(inspection -> {
                    applyingDetection = true;
                    encoding.set(inspection.format().encoding());
                    delimiter.set(inspection.format().delimiter());
                    hasHeader.set(inspection.format().hasHeader());
                    applyingDetection = false;
                    showPreview(inspection);
                })
                .onError(this::cannotRead)
                .start();
    }

    private static String fileStem(Path chosen) {
        String name = chosen.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void formatChanged() {
        if (applyingDetection || phase.get() != Phase.SETUP) {
            return;
        }
        CsvFormat format = format();
        Path source = file.get();
        phase.set(Phase.READING);
        tasks.run(() -> ContactFiles.inspect(source, format))
                .onSuccess(this::showPreview)
                .onError(this::cannotRead)
                .start();
    }

    private void showPreview(Inspection inspection) {
        CsvFiles.Preview preview = inspection.preview();
        List<String> names = new ArrayList<>();
        for (int column = 0; column < preview.columns(); column++) {
            String header = column < preview.header().size() ? preview.header().get(column).strip() : "";
            names.add(header.isEmpty() ? MessageFormat.format(bundle.getString("import.column"), column + 1) : header);
        }
        keptColumns.clear();
        columnNames.setAll(names);
        previewRows.setAll(preview.rows().subList(0, Math.min(PREVIEW_ROWS, preview.rows().size())));
        ColumnMapping guess = inspection.guess();
        phoneColumn.set(guess.phone());
        nameColumn.set(guess.name());
        firstNameColumn.set(guess.firstName());
        lastNameColumn.set(guess.lastName());
        notice.set(preview.rows().isEmpty() ? new Notice(bundle.getString("import.noRows"), true)
                : guess.hasPhone() ? Notice.NONE : new Notice(bundle.getString("import.noPhoneColumn"), true));
        phase.set(Phase.SETUP);
    }

    private void cannotRead(Throwable problem) {
        columnNames.clear();
        previewRows.clear();
        notice.set(Notice.problem(problem));
        phase.set(Phase.SETUP);
    }

    private CsvFormat format() {
        return new CsvFormat(encoding.get(), delimiter.get(), hasHeader.get());
    }

    private ColumnMapping mapping() {
        return new ColumnMapping(phoneColumn.get(), nameColumn.get(), firstNameColumn.get(), lastNameColumn.get(),
                KeptColumns.at(columnNames, keptColumns));
    }

    /** Keeps a further column with each contact, or not; past the most a contact keeps, says so instead. */
    public void keep(int column, boolean kept) {
        if (kept && !keptColumns.contains(column) && keptColumns.size() == ContactFields.MAX_KEPT_COLUMNS) {
            notice.set(new Notice(MessageFormat.format(bundle.getString("import.keep.tooMany"),
                    ContactFields.MAX_KEPT_COLUMNS), true));
            return;
        }
        if (kept) {
            keptColumns.add(column);
        } else {
            keptColumns.remove(column);
        }
    }

    /** The column holds the number or a name: it is kept as that already. */
    public boolean isMapped(int column) {
        return column == phoneColumn.get() || column == nameColumn.get() || column == firstNameColumn.get()
                || column == lastNameColumn.get();
    }

    public ObservableSet<Integer> keptColumns() {
        return keptColumns;
    }

    /** The field a message names the column by, if it is kept: {appointment_time} for "Appointment time". */
    public String fieldNameOf(int column) {
        return KeptColumns.at(columnNames, List.of(column)).get(0).field();
    }

    /** Starts the import in the background; {@link #sampleProgress()} then says how far it has come. */
    public void start() {
        if (!canImport.get()) {
            return;
        }
        run(includeLandlines.get());
    }

    /** After a report that left landlines out: imports the same file again with them (the rest are duplicates now). */
    public void importLandlinesToo() {
        if (phase.get() == Phase.DONE && report.get() != null && report.get().landlines() > 0) {
            includeLandlines.set(true);
            run(true);
        }
    }

    private void run(boolean landlines) {
        ImportRequest request = new ImportRequest(file.get(), format(), mapping(), country.get().code(),
                listName.get().strip(), landlines);
        rememberCountry.accept(country.get());
        progress = new ImportProgress();
        startedAt = nanoClock.getAsLong();
        rowsRead.set(0);
        fraction.set(-1);
        rowsPerSecond.set(0);
        notice.set(Notice.NONE);
        phase.set(Phase.RUNNING);
        ImportProgress running = progress;
        tasks.run(() -> importer.importFile(request, running))
                .onSuccess(done -> {
                    sampleProgress();
                    importedInto.set(request.listName());
                    report.set(done);
                    phase.set(Phase.DONE);
                    imported.accept(request.listName());
                })
                .onError(problem -> {
                    notice.set(problem instanceof CancellationException
                            ? Notice.info(bundle.getString("import.cancelled")) : Notice.problem(problem));
                    phase.set(Phase.SETUP);
                })
                .start();
    }

    /** Reads the running import's progress; the dialog calls it a few times a second, never per row. */
    public void sampleProgress() {
        if (progress == null) {
            return;
        }
        rowsRead.set(progress.rows());
        fraction.set(progress.fraction());
        double seconds = (nanoClock.getAsLong() - startedAt) / 1e9;
        rowsPerSecond.set(seconds > 0 ? progress.rows() / seconds : 0);
    }

    /** Asks the running import to stop; it then leaves the list exactly as it was. */
    public void cancel() {
        if (progress != null && phase.get() == Phase.RUNNING) {
            progress.cancel();
        }
    }

    public void saveRejected(Path target) {
        ImportReport done = report.get();
        if (done == null) {
            return;
        }
        tasks.run(() -> {
                    RejectedRowsExporter.export(done.rejected(), target);
                    return done.rejected().size();
                })
                .onSuccess(saved -> notice.set(Notice.info(
                        MessageFormat.format(bundle.getString("import.rejectedSaved"), saved, target))))
                .onError(problem -> notice.set(Notice.problem(problem)))
                .start();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObjectProperty<Charset> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Character> delimiterProperty() {
        return delimiter;
    }

    public BooleanProperty hasHeaderProperty() {
        return hasHeader;
    }

    /** The columns' headers, or "Column 3" where a file has none. */
    public ObservableList<String> columnNames() {
        return columnNames;
    }

    public ObservableList<String[]> previewRows() {
        return previewRows;
    }

    /** The column (from 0) with the phone numbers, or {@link ColumnMapping#NONE}; likewise the name columns. */
    public IntegerProperty phoneColumnProperty() {
        return phoneColumn;
    }

    public IntegerProperty nameColumnProperty() {
        return nameColumn;
    }

    public IntegerProperty firstNameColumnProperty() {
        return firstNameColumn;
    }

    public IntegerProperty lastNameColumnProperty() {
        return lastNameColumn;
    }

    public ObjectProperty<Country> countryProperty() {
        return country;
    }

    public BooleanProperty includeLandlinesProperty() {
        return includeLandlines;
    }

    /** The list to import into; a new one is made when no list has that name. */
    public StringProperty listNameProperty() {
        return listName;
    }

    public ObservableList<String> listNames() {
        return listNames;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowsReadProperty() {
        return rowsRead.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while not known. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rowsPerSecondProperty() {
        return rowsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The list the last import went into, as the person named it. */
    public ReadOnlyObjectProperty<String> importedIntoProperty() {
        return importedInto.getReadOnlyProperty();
    }

    public BooleanBinding canImportBinding() {
        return canImport;
    }
}
