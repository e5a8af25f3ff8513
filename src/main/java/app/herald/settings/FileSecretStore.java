package app.herald.settings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The fallback where no credential store is reachable: a properties file in the data folder that
 * only its owner may read (mode 600, or an ACL naming only the owner on Windows). The file is
 * made owner-only before the secret is written into it.
 */
final class FileSecretStore implements SecretStore {

    private final Path file;

    FileSecretStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> read(String name) throws IOException {
        return Optional.ofNullable(load().getProperty(name));
    }

    @Override
    public synchronized void write(String name, String secret) throws IOException {
        Properties secrets = load();
        secrets.setProperty(name, secret);
        store(secrets);
    }

    @Override
    public boolean isOsStore() {
        return false;
    }

    private Properties load() throws IOException {
        return PropertiesFile.load(file);
    }

    private void store(Properties secrets) throws IOException {
        PropertiesFile.store(file, secrets, "Herald's Twilio secret: readable by its owner only",
                FileSecretStore::createOwnerOnly);
    }

    private static void createOwnerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return;
        }
        Files.createFile(path);
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
