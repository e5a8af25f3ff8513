package app.herald.cli;

import app.herald.core.HeraldCore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Makes a backup of Herald's data now.",
            "Herald also makes one a day while its window is open (the last seven are kept) and one before an"
                + " update changes the data; herald restore puts one back."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (HeraldCore core = herald.openCore()) {
            Path made = core.backUpNow();
            spec.commandLine().getOut().println("Backed up Herald's data to " + made);
        }
        return 0;
    }
}
