package org.galvani.app.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per data directory: an OS file lock on {@code galvani-ledger.lock}. Recovery marks every
 * unfinished treatment as interrupted, so it must never run while another process is still delivering
 * one. The OS releases the lock when its process dies, even by SIGKILL.
 */
final class LedgerLock implements AutoCloseable {

    static final String FILE_NAME = "galvani-ledger.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private LedgerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of {@code dataDir}, or null when another process (or another ledger here) holds it. */
    static LedgerLock tryAcquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LedgerException(file + ": cannot be created or opened: " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new LedgerLock(channel, lock);
            }
        } catch (OverlappingFileLockException | IOException e) {
            // Held by this JVM, or locking is not possible here: either way not ours.
        }
        closeQuietly(channel);
        return null;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through it.
        }
    }
}
