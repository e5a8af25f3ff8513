package app.herald.cli;

import app.herald.contacts.RecipientList;
import app.herald.core.HeraldCore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a list to a CSV file that Excel opens right (UTF-8 with BOM).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list to export.")
    private String listName;

    @Parameters(paramLabel = "FILE", description = "The CSV file to write.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        try (HeraldCore core = herald.openCore()) {
            RecipientList list = core.lists().find(listName)
                    .orElseThrow(() -> new IllegalArgumentException("There is no list called \"" + listName + "\"."));
            long written = core.contactExporter().export(list.id(), file);
            spec.commandLine().getOut().printf("Exported %,d contacts of \"%s\" to %s%n", written, list.name(), file);
        }
        return 0;
    }
}
