package app.herald.cli;

import app.herald.settings.DataFolder;
import app.herald.storage.DataCopy;
import app.herald.storage.Database;
import app.herald.storage.SharedServer;
import app.herald.storage.Storage;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "database", mixinStandardHelpOptions = true,
        description = {"Where Herald keeps its data: this computer, or a PostgreSQL server several desktops share.",
            "HERALD_DATABASE_URL (jdbc:postgresql://server:5432/herald), HERALD_DATABASE_USER and"
                + " HERALD_DATABASE_PASSWORD name the shared server; docs/TEAM.md says how to set one up."},
        subcommands = {DatabaseCommand.Check.class, DatabaseCommand.CopyTo.class})
final class DatabaseCommand {

    @ParentCommand
    private HeraldCommand herald;

    private Optional<SharedServer> shared() {
        return herald.settings().sharedDatabase();
    }

    private SharedServer requireShared() {
        return shared().orElseThrow(() -> new IllegalArgumentException("No shared server is named: set HERALD_DATABASE_URL"
                + " (jdbc:postgresql://server:5432/herald), HERALD_DATABASE_USER and HERALD_DATABASE_PASSWORD first."));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Says where the data is; of a shared server, its version and whether Herald's tables are there.")
    static final class Check implements Callable<Integer> {

        @ParentCommand
        private DatabaseCommand database;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<SharedServer> shared = database.shared();
            if (shared.isEmpty()) {
                out.println("Herald's data is on this computer, in " + database.herald.dataFolder().path() + ".");
                return 0;
            }
            out.println(Database.check(shared.get()));
            return 0;
        }
    }

    @Command(name = "copy-to", mixinStandardHelpOptions = true,
            description = {"Copies this computer's lists, opt-outs, templates and history into the empty shared database"
                    + " HERALD_DATABASE_URL names: all of it, or nothing. This computer's data stays as it is."})
    static final class CopyTo implements Callable<Integer> {

        @ParentCommand
        private DatabaseCommand database;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SharedServer server = database.requireShared();
            DataFolder folder = database.herald.dataFolder();
            PrintWriter err = spec.commandLine().getErr();
            long copied;
            try (Storage local = Storage.open(folder.lockFile(), folder.database())) {
                copied = DataCopy.copy(local.jdbi(), server, new CopyProgress(err));
            }
            spec.commandLine().getOut().printf("Copied %,d rows of this computer's data to %s. Every Herald that names it"
                    + " in HERALD_DATABASE_URL works on it now.%n", copied, server.where());
            return 0;
        }
    }

    /** A line on standard error at most every second: rows copied of all, as a person watches a long copy. */
    private static final class CopyProgress implements DataCopy.Progress {

        private final PrintWriter err;
        private long lastLine;

        CopyProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void copied(long rows, long of) {
            long now = System.nanoTime();
            if (rows == of || now - lastLine > 1_000_000_000L) {
                lastLine = now;
                err.printf("[%,d/%,d rows copied]%n", rows, of);
            }
        }
    }
}
