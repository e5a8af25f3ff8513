package app.herald.cli;

import app.herald.contacts.OptOut;
import app.herald.contacts.PhoneCheck;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactFiles.Inspection;
import app.herald.core.HeraldCore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "optouts", mixinStandardHelpOptions = true,
        description = "The global opt-out list: numbers that are never sent to, whatever list holds them.")
final class OptOutsCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {e164, reason, source, createdAt}.")
    private boolean json;

    /** Without a sub-command: the list. */
    @Override
    public Integer call() throws Exception {
        List<OptOut> optOuts;
        try (HeraldCore core = herald.openCore()) {
            optOuts = core.optOuts().all();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(optOuts));
        } else if (optOuts.isEmpty()) {
            out.println("Nobody has opted out.");
        } else {
            optOuts.forEach(optOut -> out.printf("%-18s  %s  %s%n", PhoneNumbers.forPeople(optOut.e164()), optOut.createdAt(),
                    optOut.reason() == null ? "" : optOut.reason()));
        }
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Opts a number out of every future send.")
    int add(@Parameters(paramLabel = "NUMBER") String number,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Why, e.g. \"replied STOP\".") String reason,
            @Option(names = "--country", paramLabel = "CC", description = "Country of a number without +country code.")
            String country) throws Exception {
        String e164 = normalised(number, country);
        try (HeraldCore core = herald.openCore()) {
            boolean added = core.optOuts().add(e164, reason, "command line");
            String shown = PhoneNumbers.forPeople(e164);
            spec.commandLine().getOut().println(added ? shown + " is opted out." : shown + " was already opted out.");
        }
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Takes a number off the opt-out list: it can be sent to again.")
    int remove(@Parameters(paramLabel = "NUMBER") String number,
            @Option(names = "--country", paramLabel = "CC", description = "Country of a number without +country code.")
            String country) throws Exception {
        String e164 = normalised(number, country);
        try (HeraldCore core = herald.openCore()) {
            boolean removed = core.optOuts().remove(e164);
            String shown = PhoneNumbers.forPeople(e164);
            spec.commandLine().getOut().println(removed ? shown + " can be sent to again." : shown + " was not opted out.");
        }
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Opts out every valid number of a CSV file (its phone column is guessed, as for lists).")
    int importFile(@Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--country", paramLabel = "CC", description = "Country of numbers without +country code.")
            String country,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for every number of the file.")
            String reason) throws Exception {
        Inspection inspection = ContactFiles.inspect(file);
        try (HeraldCore core = herald.openCore()) {
            var result = core.optOutImporter()
                    .importFile(file, inspection.format(), inspection.guess(), herald.country(country), reason);
            spec.commandLine().getOut().printf("Opted out %,d numbers (%,d already were); %,d values were not numbers.%n",
                    result.added(), result.already(), result.invalid());
        }
        return 0;
    }

    private String normalised(String number, String country) {
        // a number written with +country code says its country itself; any region reads it the same
        boolean international = number.strip().startsWith("+") && country == null;
        PhoneCheck check = new PhoneNumbers(international ? "US" : herald.country(country)).check(number);
        if (!check.isValid()) {
            throw new IllegalArgumentException("\"" + number + "\" is " + check.reason() + ".");
        }
        return check.e164();
    }
}
