package app.herald.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling copies of Herald's database in the data folder's {@code backups} folder, each a zip
 * holding {@code herald.mv.db}: one a day while Herald is open (H2's {@code BACKUP}, consistent
 * while in use), the last seven kept; and one before a migration changes the file, the last three
 * kept. A backup is written under a temporary name and renamed when whole, so a half one never
 * counts. Restoring puts the file it replaces aside, never deletes it.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final String DAILY = "daily-";
    private static final String BEFORE_MIGRATION = "before-update-";
    private static final String BY_HAND = "by-hand-";
    private static final int DAILY_KEPT = 7;
    private static final int BEFORE_MIGRATION_KEPT = 3;
    private static final int BY_HAND_KEPT = 10;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneId.systemDefault());

    /** One backup: its file, when it was made, and why. */
    public record Backup(Path file, Instant made, String kind) {
    }

    private final Path fileBase;
    private final Path folder;

    private Backups(Path fileBase) {
        this.fileBase = fileBase;
        this.folder = fileBase.toAbsolutePath().getParent().resolve("backups");
    }

    /** The backups of the database whose files start with {@code fileBase}, such as {@code .../herald}. */
    public static Backups of(Path fileBase) {
        return new Backups(fileBase);
    }

    public Path folder() {
        return folder;
    }

    /** Today's backup of the open database, unless there is one already. @return the one made */
    public Optional<Path> daily(Jdbi jdbi) {
        removeUnfinished();
        String today = LocalDate.now().toString();
        if (list().stream().anyMatch(backup -> backup.file().getFileName().toString().startsWith(DAILY + today))) {
            return Optional.empty();
        }
        Path made = online(jdbi, DAILY);
        prune(DAILY, DAILY_KEPT);
        return Optional.of(made);
    }

    /** A backup now, of the open database (herald backup). */
    public Path now(Jdbi jdbi) {
        Path made = online(jdbi, BY_HAND);
        prune(BY_HAND, BY_HAND_KEPT);
        return made;
    }

    /** A copy of the database file while no one has it open, before a migration changes it. */
    void beforeMigration(int fromSchema) {
        Path target = named(BEFORE_MIGRATION + "v" + fromSchema + "-");
        whole(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(DatabaseFile.of(fileBase).getFileName().toString()));
                Files.copy(DatabaseFile.of(fileBase), zip);
                zip.closeEntry();
            }
        });
        LOG.info("Backed up the database before updating it from schema version {}: {}", fromSchema, target);
        prune(BEFORE_MIGRATION, BEFORE_MIGRATION_KEPT);
    }

    /** Every backup, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Backup> backups = new ArrayList<>();
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".zip")).toList()) {
                String name = file.getFileName().toString();
                String kind = name.startsWith(DAILY) ? "daily" : name.startsWith(BEFORE_MIGRATION) ? "before an update" : "by hand";
                backups.add(new Backup(file, Files.getLastModifiedTime(file).toInstant(), kind));
            }
            backups.sort(Comparator.comparing(Backup::made).reversed());
            return backups;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.UNREADABLE, "Herald cannot read its backups in " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts a backup in the place of the database, which must not be open: the file it replaces is
     * kept beside it as {@code herald.mv.db.replaced-<time>}. The backup is checked before anything moves.
     *
     * @return where the replaced file was put, if there was one
     * @throws StorageException DAMAGED when the backup itself cannot be read
     */
    public Optional<Path> restore(Path backup) {
        Path database = DatabaseFile.of(fileBase);
        Path unpacked = database.resolveSibling(database.getFileName() + ".restoring");
        try {
            unpack(backup, unpacked);
            long version = DatabaseFile.version(unpacked);
            Optional<Path> aside = Optional.empty();
            if (Files.exists(database)) {
                Path replaced = database.resolveSibling(database.getFileName() + ".replaced-" + STAMP.format(Instant.now()));
                Files.move(database, replaced);
                aside = Optional.of(replaced);
            }
            Files.move(unpacked, database, StandardCopyOption.ATOMIC_MOVE);
            StateRecord.beside(fileBase).write(version);
            LOG.info("Restored {} in place of the database; the file it replaced is {}", backup, aside.orElse(null));
            return aside;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.UNREADABLE, "Herald could not restore " + backup + ": "
                    + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(unpacked);
            } catch (IOException e) {
                LOG.warn("Could not remove {}", unpacked, e);
            }
        }
    }

    /** The newest backup that can be read, checked by unpacking it aside. */
    public Optional<Backup> newestGood() {
        Path trial = folder.resolve("check.mv.db");
        try {
            for (Backup backup : list()) {
                try {
                    unpack(backup.file(), trial);
                    DatabaseFile.version(trial);
                    return Optional.of(backup);
                } catch (IOException | StorageException e) {
                    LOG.warn("The backup {} cannot be read: {}", backup.file(), e.getMessage());
                }
            }
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(trial);
            } catch (IOException e) {
                LOG.warn("Could not remove {}", trial, e);
            }
        }
    }

    /** What a backup cut short (Herald closed meanwhile) left behind. */
    private void removeUnfinished() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path part : files.filter(file -> file.getFileName().toString().endsWith(".part")).toList()) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove an unfinished backup in {}", folder, e);
        }
    }

    private Path online(Jdbi jdbi, String kind) {
        Path target = named(kind);
        whole(target, temporary -> jdbi.useHandle(handle -> handle.execute(
                "BACKUP TO '" + temporary.toString().replace("'", "''") + "'")));
        LOG.info("Backed up the database: {}", target);
        return target;
    }

    private Path named(String kind) {
        return folder.resolve(kind + STAMP.format(Instant.now()) + ".zip");
    }

    @FunctionalInterface
    private interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private void whole(Path target, Writer writer) {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            writer.writeTo(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StorageException(StorageException.Reason.UNREADABLE, "Herald could not write a backup into " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    private static void unpack(Path backup, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".mv.db")) {
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException(backup.getFileName() + " holds no Herald database");
    }

    private void prune(String kind, int kept) {
        List<Backup> ofKind = list().stream().filter(backup -> backup.file().getFileName().toString().startsWith(kind)).toList();
        for (Backup old : ofKind.subList(Math.min(kept, ofKind.size()), ofKind.size())) {
            try {
                Files.delete(old.file());
            } catch (IOException e) {
                LOG.warn("Could not remove the old backup {}", old.file(), e);
            }
        }
    }
}
