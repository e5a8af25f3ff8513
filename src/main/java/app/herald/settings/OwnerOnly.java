package app.herald.settings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Herald's data folder and what it keeps there readable by their owner alone: POSIX 700 for a
 * folder and 600 for a file, or on Windows an ACL that names only the owner. Another person on the
 * same computer must not read the names, the numbers, the messages or the secret.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** What H2 keeps beside the database's name. */
    private static final List<String> DATABASE_FILES = List.of(".mv.db", ".trace.db", ".lock.db", ".state");

    private OwnerOnly() {
    }

    /**
     * Makes the data folder (created if missing) and Herald's own files and folders in it
     * owner-only; a file of someone else's that shares the folder is left alone.
     *
     * @return the paths that others could read before, for a warning
     */
    public static List<Path> tighten(DataFolder folder) throws IOException {
        createIfMissing(folder.path());
        List<Path> loosened = new ArrayList<>();
        if (othersMayRead(folder.path())) {
            restrict(folder.path());
            loosened.add(folder.path());
        }
        List<Path> own = new ArrayList<>(List.of(folder.uiPreferences(), folder.twilioSettings(), folder.secrets(),
                folder.draft(), folder.lockFile()));
        for (String databaseFile : DATABASE_FILES) {
            own.add(folder.path().resolve(folder.database().getFileName() + databaseFile));
        }
        for (Path ownFolder : List.of(folder.logs(), folder.backups())) {
            if (Files.isDirectory(ownFolder)) {
                own.add(ownFolder);
                try (Stream<Path> files = Files.list(ownFolder)) {
                    own.addAll(files.toList());
                }
            }
        }
        for (Path path : own) {
            if (Files.exists(path) && othersMayRead(path)) {
                restrict(path);
                loosened.add(path);
            }
        }
        return loosened;
    }

    /** A folder (and its missing parents) made owner-only from the start, when it is not there yet. */
    public static void createIfMissing(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(path, PosixFilePermissions.asFileAttribute(FOLDER));
            return;
        }
        Files.createDirectories(path);
        restrict(path);
    }

    /** A new file only its owner may read, made so before anything is written into it. */
    public static void createFile(Path path) throws IOException {
        if (POSIX) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(FILE));
            return;
        }
        Files.createFile(path);
        restrict(path);
    }

    /** True when someone other than the owner may read or change {@code path}. */
    public static boolean othersMayRead(Path path) throws IOException {
        if (POSIX) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return !(Files.isDirectory(path) ? FOLDER : FILE).containsAll(permissions);
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            return false;
        }
        UserPrincipal owner = Files.getOwner(path);
        return acl.getAcl().stream().anyMatch(entry -> entry.type() == AclEntryType.ALLOW && !entry.principal().equals(owner));
    }

    /** Makes one file or folder owner-only. */
    public static void restrict(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            throw new IOException("Herald cannot make " + path + " readable by you alone on this file system");
        }
        acl.setAcl(List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(Files.getOwner(path))
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build()));
    }
}
