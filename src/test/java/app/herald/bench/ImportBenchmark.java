package app.herald.bench;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactFields;
import app.herald.contacts.ContactQuery;
import app.herald.contacts.Contacts;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.csv.ColumnMapping;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.CsvFiles;
import app.herald.contacts.csv.CsvFormat;
import app.herald.contacts.csv.ImportProgress;
import app.herald.contacts.csv.ImportReport;
import app.herald.contacts.csv.ImportRequest;
import app.herald.storage.DataCopy;
import app.herald.storage.Database;
import app.herald.storage.Engine;
import app.herald.storage.SharedServer;
import app.herald.storage.Storage;
import app.herald.storage.TestPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import javafx.application.Platform;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a generated million-row CSV and, in the same run, only parses and validates it (the
 * baseline), then opens the list's last page. Prints the figures; run it with
 * {@code ./mvnw -Pbenchmark verify} (the JVM gets -Xmx512m, so finishing proves the heap bound).
 */
public final class ImportBenchmark {

    private static final String[] FIRST = {"Ana", "José", "Zoë", "Bjørn", "Fatima", "Hiro", "Chloé", "Noor", "Kai", "Léa"};
    private static final String[] LAST = {"García", "Müller", "O'Brien", "Kowalski", "Nguyen", "Smith", "Černý", "Ito"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("herald-bench");
        try {
            System.out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
            Path shuffled = folder.resolve("contacts.csv");
            generate(shuffled, rows, true);
            Path sequential = folder.resolve("sequential.csv");
            generate(sequential, rows, false);
            Platform.startup(() -> { });

            if (args.length > 1 && args[1].equals("dialog")) {
                // the import dialog's figures alone, into an empty file: -Dbenchmark.only=dialog
                System.out.printf("%n-- the shuffled file through the import dialog%n");
                try (Database opened = Database.open(folder.resolve("dialog").resolve("herald"))) {
                    DialogImportBenchmark.run(opened.jdbi(), shuffled);
                }
                return;
            }
            if (args.length > 1 && args[1].equals("postgresql")) {
                // the shared server's figures alone: ./mvnw -Pbenchmark exec:exec@import-benchmark -Dbenchmark.only=postgresql
                measureOnPostgresql(shuffled, rows);
                // the dialog's run ends JavaFX; without it the JVM stays up after the figures
                Platform.exit();
                return;
            }
            System.out.printf("%n-- numbers in random order, as a real export has them (the figure that counts)%n");
            Path database = folder.resolve("shuffled").resolve("herald");
            try (Database opened = Database.open(database)) {
                measurePaging(opened, measureImport(opened, shuffled, rows));
            }
            System.out.printf("database after Herald closed: %,d MB for %,d MB of CSV%n",
                    Files.size(database.resolveSibling("herald.mv.db")) >> 20, Files.size(shuffled) >> 20);

            System.out.printf("%n-- the same formats with the numbers in sequence (the index filled in order: a second figure)%n");
            try (Database opened = Database.open(folder.resolve("sequential").resolve("herald"))) {
                measureImport(opened, sequential, rows);
            }

            measureOnPostgresql(shuffled, rows);

            System.out.printf("%n-- this computer's data (the shuffled import) moved to an empty shared database: herald database copy-to%n");
            try (Storage local = Storage.open(folder.resolve("copy.lock"), database)) {
                long start = System.nanoTime();
                long copied = DataCopy.copy(local.jdbi(), TestPostgres.newDatabase(), (done, of) -> { });
                System.out.printf("copied %,d rows in %.2f s%n", copied, (System.nanoTime() - start) / 1e9);
            }

            System.out.printf("%n-- the shuffled file again, through the import dialog%n");
            try (Database opened = Database.open(database)) {
                DialogImportBenchmark.run(opened.jdbi(), shuffled);
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void measureOnPostgresql(Path shuffled, int rows) throws Exception {
        System.out.printf("%n-- the shuffled file into a shared PostgreSQL (team mode; an embedded server on this machine)%n");
        SharedServer server = TestPostgres.newDatabase();
        try (Database shared = Database.open(server)) {
            measurePaging(shared, measureImport(shared, shuffled, rows));
        }
    }

    /** Parses and validates the file alone (the baseline), then imports it, in the same run. @return the list's id */
    private static long measureImport(Database database, Path csv, int rows) throws Exception {
        System.out.printf("file: %,d rows, %,d MB%n", rows, Files.size(csv) >> 20);
        ContactFiles.Inspection inspection = ContactFiles.inspect(csv);
        CsvFormat format = inspection.format();
        ColumnMapping mapping = inspection.guess();
        // warm-up on a part, so neither measurement pays for the JIT alone
        parseAndValidate(csv, format, mapping, 100_000);

        Stopwatch baseline = parseAndValidate(csv, format, mapping, Long.MAX_VALUE);
        HeapUse heap = HeapUse.watch();
        // the FX thread with no window, probed during the plain import: what GC and a busy CPU alone cost it
        FxThreadProbe idleFx = new FxThreadProbe();
        double serverBefore = PostgresCpu.seconds();
        Stopwatch importing = Stopwatch.start();
        ImportReport report = new ContactImporter(database.jdbi())
                .importFile(new ImportRequest(csv, format, mapping, "US", "Benchmark", true), new ImportProgress());
        Stopwatch imported = importing.elapsed();
        double serverCpu = PostgresCpu.seconds() - serverBefore;
        idleFx.close();
        heap.close();

        System.out.printf("parse + validate only: %6.2f s  (%,.0f rows/s)%n", baseline.wallSeconds(),
                rows / baseline.wallSeconds());
        System.out.printf("whole import:          %6.2f s  (%,.0f rows/s), %.2f x the baseline%n", imported.wallSeconds(),
                rows / imported.wallSeconds(), imported.wallSeconds() / baseline.wallSeconds());
        System.out.println(cpuTimes(database.engine(), baseline, imported, serverCpu));
        System.out.printf("imported %,d, duplicates %,d, invalid %,d, landlines %,d%n",
                report.imported(), report.duplicates(), report.invalid(), report.landlines());
        System.out.printf("heap during the import: %s%n", heap.describe());
        System.out.printf("FX thread with no window, during the import: %s%n", idleFx.summary());
        return new RecipientLists(database.jdbi()).find("Benchmark").orElseThrow().id();
    }

    private static void measurePaging(Database database, long list) {
        Contacts contacts = new Contacts(database.jdbi());
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long count = contacts.count(list);
            long counted = System.nanoTime();
            var last = contacts.last(ContactQuery.all(list), 100);
            long lastPage = System.nanoTime();
            contacts.before(ContactQuery.all(list), last.get(0).id(), 100);
            long previous = System.nanoTime();
            System.out.printf("open the %,d-contact list: count %.0f ms, last page %.1f ms, page before it %.1f ms%n",
                    count, (counted - start) / 1e6, (lastPage - counted) / 1e6, (previous - lastPage) / 1e6);
        }
        // the first search reads the list's search blocks (the command line's case, and the window's
        // when it had no time to prepare them); the next ones search them in memory
        for (String search : new String[] {"zoë ito", "nobody", "0151 234", "415 2"}) {
            ContactQuery query = new ContactQuery(list, search);
            long start = System.nanoTime();
            long matches = contacts.count(query);
            contacts.after(query, 0, 100);
            System.out.printf("search \"%s\": %,d matches, count and first page %.0f ms%n", search, matches,
                    (System.nanoTime() - start) / 1e6);
        }
        // the first past id 500,000, the middle of a million; a smaller run has fewer, so past half its count
        Contact someone = contacts.after(ContactQuery.all(list), Math.min(500_000, contacts.count(list) / 2), 1).get(0);
        contacts.update(someone, someone.e164(), ContactFields.named("Renamed Benchmark"));
        ContactQuery renamed = new ContactQuery(list, "renamed benchmark");
        long start = System.nanoTime();
        long matches = contacts.count(renamed);
        contacts.after(renamed, 0, 100);
        System.out.printf("search after one contact was renamed: %,d match, count and first page %.0f ms%n", matches,
                (System.nanoTime() - start) / 1e6);
    }

    /**
     * The CPU time of both, and on PostgreSQL the server's too: the baseline runs on one thread, the
     * import on several and, in this benchmark, beside its server on the same two cores.
     */
    private static String cpuTimes(Engine engine, Stopwatch baseline, Stopwatch imported, double serverCpu) {
        String times = String.format("CPU: parse + validate %.2f s; the import %.2f s in this JVM", baseline.cpuSeconds(),
                imported.cpuSeconds());
        if (engine != Engine.POSTGRESQL) {
            return times + String.format(" (%.2f x the baseline's)", imported.cpuSeconds() / baseline.cpuSeconds());
        }
        return times + String.format(" and %.2f s in the server (%.2f x the baseline's together)", serverCpu,
                (imported.cpuSeconds() + serverCpu) / baseline.cpuSeconds());
    }

    /** The floor an import cannot beat: commons-csv and libphonenumber on one thread, nothing stored. */
    private static Stopwatch parseAndValidate(Path csv, CsvFormat format, ColumnMapping mapping, long limit)
            throws IOException {
        PhoneNumbers phones = new PhoneNumbers("US");
        Stopwatch start = Stopwatch.start();
        long valid = 0;
        try (CSVParser parser = CsvFiles.open(csv, format, read -> { })) {
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > limit) {
                    break;
                }
                for (String raw : PhoneNumbers.splitCell(record.get(mapping.phone()))) {
                    if (phones.check(raw).isValid()) {
                        valid++;
                    }
                }
            }
        }
        if (valid == 0) {
            throw new IllegalStateException("nothing valid: the generator is broken");
        }
        return start.elapsed();
    }

    /**
     * Mixed real-world formats: US national and international, UK and German mobiles, duplicates
     * scattered through the file, junk. {@code shuffled}: row i gets the number of a random other
     * row, so the numbers come in no order at all, as in a real export.
     */
    private static void generate(Path csv, int rows, boolean shuffled) throws IOException {
        Random random = new Random(42);
        int[] numberOf = new int[rows];
        for (int i = 0; i < rows; i++) {
            numberOf[i] = i;
        }
        if (shuffled) {
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = numberOf[i];
                numberOf[i] = numberOf[j];
                numberOf[j] = swapped;
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Mobile Phone,Notes\r\n");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                out.write(first + "," + last + "," + phone(random, numberOf[i]) + ","
                        + (i % 7 == 0 ? "\"said: \"\"text me\"\"\"" : "") + "\r\n");
            }
        }
    }

    /** The i-th number: its format by i mod 10, its digits from i. */
    private static String phone(Random random, int i) {
        int line = 1_000_000 + i;
        return switch (i % 10) {
            case 0 -> String.format("(415) %03d-%04d", 200 + line / 10_000 % 800, line % 10_000);
            case 1 -> String.format("+1 212 %03d %04d", 200 + line / 10_000 % 800, line % 10_000);
            case 2 -> String.format("646.%03d.%04d", 200 + line / 10_000 % 800, line % 10_000);
            case 3 -> String.format("1-312-%03d-%04d", 200 + line / 10_000 % 800, line % 10_000);
            case 4 -> String.format("+44 7911 %06d", line % 1_000_000);
            case 5 -> String.format("+49 151 %08d", line);
            case 6 -> String.format("(415) %03d-%04d", 200 + random.nextInt(10), random.nextInt(10_000));
            case 7 -> "555-" + String.format("%04d", random.nextInt(10_000));
            case 8 -> String.format("+1 (617) %03d-%04d", 200 + line / 10_000 % 800, line % 10_000);
            default -> String.format("720%03d%04d", 200 + line / 10_000 % 800, line % 10_000);
        };
    }
}
