package app.herald.storage;

import java.nio.file.Path;

/** A second Herald process for {@link StorageLockTest}: opens the storage, says so, then waits to be killed. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Storage storage = TestStorage.open(Path.of(args[0]))) {
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
