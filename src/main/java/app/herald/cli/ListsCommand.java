package app.herald.cli;

import app.herald.contacts.RecipientList;
import app.herald.core.HeraldCore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lists", mixinStandardHelpOptions = true, description = "Shows the recipient lists with their counts.")
final class ListsCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {name, contacts, optedOut}.")
    private boolean json;

    /** A list as the command line shows it. */
    record Row(String name, long contacts, long optedOut) {
    }

    @Override
    public Integer call() throws Exception {
        List<Row> rows;
        try (HeraldCore core = herald.openCore()) {
            rows = core.lists().all().stream()
                    .map((RecipientList list) -> new Row(list.name(), list.contacts(), list.optedOut()))
                    .toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows));
        } else if (rows.isEmpty()) {
            out.println("No lists yet. Import one with: herald import FILE --list NAME");
        } else {
            int width = Math.max(4, rows.stream().mapToInt(row -> row.name().length()).max().orElse(0));
            out.printf("%-" + width + "s  %10s  %10s%n", "List", "Contacts", "Opted out");
            rows.forEach(row -> out.printf("%-" + width + "s  %,10d  %,10d%n", row.name(), row.contacts(), row.optedOut()));
        }
        return 0;
    }
}
