package app.herald.cli;

import app.herald.storage.Backups;
import app.herald.storage.Backups.Backup;
import app.herald.storage.InstanceLock;
import app.herald.storage.SharedServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Puts a backup in the place of Herald's data: the newest that can be read, or BACKUP.",
            "The data it replaces is kept beside it, never deleted. Herald must be closed meanwhile."})
final class RestoreCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BACKUP", arity = "0..1", description = "The backup file (default: the newest that can be read).")
    private Path backup;

    @Option(names = "--list", description = "Only list the backups, newest first.")
    private boolean list;

    @Option(names = "--yes", description = "Restore without asking (scripts).")
    private boolean yes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Backups backups = Backups.of(herald.dataFolder().database());
        if (list) {
            List<Backup> all = backups.list();
            if (all.isEmpty()) {
                out.println("There are no backups in " + backups.folder() + " yet.");
            }
            all.forEach(one -> out.printf("%s  %-16s  %s%n", WHEN.format(one.made()), one.kind(), one.file()));
            return 0;
        }
        Optional<String> shared = herald.settings().sharedDatabase().map(SharedServer::where);
        if (shared.isPresent()) {
            throw new IllegalArgumentException("Herald's data is on the shared server " + shared.get() + ", so a backup"
                    + " of this computer's file would change nothing Herald uses: restore the server's own backup there"
                    + " (docs/TEAM.md).");
        }
        Path chosen = backup;
        if (chosen == null) {
            Optional<Backup> newest = backups.newestGood();
            if (newest.isEmpty()) {
                throw new IllegalArgumentException("There is no backup that can be read in " + backups.folder() + ".");
            }
            chosen = newest.get().file();
        }
        if (!BroadcastRun.confirmed(yes, "Put the backup " + chosen.getFileName() + " in the place of Herald's data?",
                "nothing restored", "restore", spec.commandLine().getErr())) {
            return 1;
        }
        // one Herald at a time: the data must not be open while its file is replaced
        try (InstanceLock lock = InstanceLock.acquire(herald.dataFolder().lockFile())) {
            Optional<Path> aside = backups.restore(chosen);
            out.println("Restored " + chosen + "." + aside.map(file -> " The data it replaced is kept as " + file + ".")
                    .orElse(""));
        }
        return 0;
    }
}
