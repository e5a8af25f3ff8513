package app.herald.cli;

import app.herald.contacts.csv.ColumnMapping;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactFiles.Inspection;
import app.herald.contacts.csv.CsvFiles;
import app.herald.contacts.csv.CsvFormat;
import app.herald.contacts.csv.CsvSniffer;
import app.herald.contacts.csv.ImportProblem;
import app.herald.contacts.csv.ImportProgress;
import app.herald.contacts.csv.ImportReport;
import app.herald.contacts.csv.ImportRequest;
import app.herald.contacts.csv.KeptColumns;
import app.herald.contacts.csv.RejectedRow;
import app.herald.contacts.RecipientList;
import app.herald.core.HeraldCore;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports contacts from a CSV or text export into a list (made when it does not exist).",
            "All or nothing: when the file cannot be read, nothing is imported."})
final class ImportCommand implements Callable<Integer> {

    private static final int REJECTED_SHOWN = 20;
    private static final long PROGRESS_EVERY_MS = 2_000;

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The file to import (CSV, or Excel's Unicode text).")
    private Path file;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list to import into.")
    private String listName;

    @Option(names = "--country", paramLabel = "CC",
            description = "Country of numbers written without +country code, e.g. US, GB, DE (default: the one chosen in Settings, else this computer's).")
    private String country;

    @Option(names = "--column", paramLabel = "HEADER",
            description = "The column with the phone numbers: its header, or its number from 1 (default: guessed).")
    private String column;

    @Option(names = "--delimiter", paramLabel = "C", description = "The column separator: , ; | or tab (default: detected).")
    private String delimiter;

    @Option(names = "--encoding", paramLabel = "E",
            description = "UTF-8, UTF-16LE, UTF-16BE or windows-1252 (default: detected).")
    private Charset encoding;

    @Option(names = "--include-landlines", description = "Also import landline numbers, which cannot receive SMS.")
    private boolean includeLandlines;

    @Option(names = "--keep", paramLabel = "HEADER", description = {"Keep this column too, for personal messages"
        + " ({appointment_time} for \"Appointment time\"); repeat for more. First and last names are kept without asking."})
    private List<String> keep = List.of();

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    /** The report as --json prints it. */
    record JsonReport(String list, List<String> fields, long rows, long imported, long duplicates, long invalid, long landlines,
            long optedOut, boolean rejectedListCut, List<RejectedRow> rejected) {
    }

    @Override
    public Integer call() throws Exception {
        String region = herald.country(country);
        Inspection inspection = ContactFiles.inspect(file, format());
        CsvFormat format = inspection.format();
        ColumnMapping mapping = mapping(inspection);
        try (HeraldCore core = herald.openCore()) {
            ImportRequest request = new ImportRequest(file, format, mapping, region, listName, includeLandlines);
            ImportProgress progress = new ImportProgress();
            Thread reporter = progressReporter(progress);
            ImportReport report;
            try {
                report = core.contactImporter().importFile(request, progress);
            } finally {
                reporter.interrupt();
            }
            RecipientList list = core.lists().find(listName).orElseThrow();
            print(list.name(), list.fields(), report);
        }
        return 0;
    }

    /** Tells standard error how far a long import has come, every two seconds; quiet for a quick one. */
    private Thread progressReporter(ImportProgress progress) {
        PrintWriter err = spec.commandLine().getErr();
        Thread reporter = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PROGRESS_EVERY_MS);
                    err.printf("%,d rows read, %.0f%% done%n", progress.rows(), Math.max(0, progress.fraction()) * 100);
                }
            } catch (InterruptedException finished) {
                // the import ended
            }
        }, "herald-import-progress");
        reporter.setDaemon(true);
        reporter.start();
        return reporter;
    }

    private CsvFormat format() {
        CsvFormat format = CsvSniffer.sniff(file);
        if (encoding != null) {
            format = format.withEncoding(encoding);
        }
        if (delimiter != null) {
            format = format.withDelimiter(parseDelimiter(delimiter));
        }
        return format;
    }

    private static char parseDelimiter(String value) {
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() != 1 || !CsvFormat.DELIMITERS.contains(value.charAt(0))) {
            throw new ImportProblem("The delimiter must be , ; | or tab, not \"" + value + "\".");
        }
        return value.charAt(0);
    }

    private ColumnMapping mapping(Inspection inspection) {
        CsvFiles.Preview preview = inspection.preview();
        ColumnMapping guessed = inspection.guess().keeping(KeptColumns.named(preview.header(), keep));
        if (column == null) {
            return guessed;
        }
        for (int i = 0; i < preview.header().size(); i++) {
            if (preview.header().get(i).strip().equalsIgnoreCase(column.strip())) {
                return guessed.withPhone(i);
            }
        }
        if (column.matches("\\d+") && Integer.parseInt(column) >= 1 && Integer.parseInt(column) <= preview.columns()) {
            return guessed.withPhone(Integer.parseInt(column) - 1);
        }
        throw new ImportProblem("There is no column \"" + column + "\". The columns are: " + String.join(", ", preview.header()));
    }

    private void print(String list, List<String> fields, ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new JsonReport(list, fields, report.rows(), report.imported(), report.duplicates(),
                    report.invalid(), report.landlines(), report.optedOut(), report.rejectedListCut(), report.rejected())));
            return;
        }
        out.printf("Imported %,d contacts into \"%s\" from %,d rows.%n", report.imported(), list, report.rows());
        out.printf("Duplicates skipped: %,d%n", report.duplicates());
        out.printf("Invalid: %,d%n", report.invalid());
        out.printf("Landlines left out: %,d%s%n", report.landlines(),
                report.landlines() > 0 ? " (add --include-landlines to import them)" : "");
        out.printf("Opted out (imported, marked, never sent to): %,d%n", report.optedOut());
        if (!fields.isEmpty()) {
            out.printf("Fields for personal messages: %s%n", fields.stream().map(field -> "{" + field + "}")
                    .collect(Collectors.joining(" ")));
        }
        report.rejected().stream().limit(REJECTED_SHOWN)
                .forEach(rejected -> out.printf("  row %d: \"%s\" %s%n", rejected.row(), rejected.value(), rejected.reason()));
        if (report.rejected().size() > REJECTED_SHOWN) {
            out.printf("  and %,d more (--json lists them all)%n", report.rejected().size() - REJECTED_SHOWN);
        }
    }
}
