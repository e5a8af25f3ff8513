package app.herald.storage;

import app.herald.files.FileWords;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Herald per data folder. An operating-system lock on a file of the folder: it is released
 * when the process ends, even by a crash, so a stale lock never keeps anybody out.
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with {@link StorageException.Reason#ALREADY_OPEN} when another Herald holds it. */
    public static InstanceLock acquire(Path lockFile) {
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw alreadyOpen(lockFile);
            }
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(StorageException.Reason.UNREADABLE,
                    "Herald cannot use its data folder " + lockFile.getParent() + ": "
                            + FileWords.whyNotAFolder(lockFile.getParent(), e), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static StorageException alreadyOpen(Path lockFile) {
        return new StorageException(StorageException.Reason.ALREADY_OPEN,
                "Herald is already open. Switch to the Herald window that is running, or close it first."
                        + " (Data folder: " + lockFile.getParent() + ")",
                null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
