package app.herald.settings;

import java.io.IOException;
import java.util.Optional;

/** Where the Twilio secret is kept: the operating system's credential store, or an owner-only file. */
public interface SecretStore {

    Optional<String> read(String name) throws IOException;

    void write(String name, String secret) throws IOException;

    /** False for the file fallback, which Settings warns about: anyone who can read the owner's files can read it. */
    boolean isOsStore();
}
