package io.vlinkd.daemon.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on one of the daemon's directories: the file {@code DIR/lock}, locked for the life of the
 * process (a POSIX record lock, which the kernel drops when the process ends, also by {@code kill -9}, so a crashed
 * daemon never leaves a stale lock behind). The holder writes its pid into the file, for the message a second
 * daemon prints. Two daemons on one state directory would each delete the links the other created (each finds
 * them "owned by nobody it knows"), and the second would unlink the first's control socket; so the second exits
 * before it writes anything anywhere.
 */
public final class DirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (created if missing), or fails with a message naming the directory and, when it can be read,
     * the pid of the process holding it.
     */
    public static DirectoryLock acquire(Path dir, String what) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it already (two daemons in one JVM: tests)
        } catch (IOException e) {
            ch.close();
            throw new IOException(file + ": cannot lock the " + what + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(file);
            ch.close();
            throw new IOException("another vlinkd" + holder + " is using the " + what + " " + dir + " (it holds "
                    + file + "); two daemons on one directory would delete each other's interfaces, so this one "
                    + "exits without changing anything");
        }
        ch.truncate(0);
        ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        long at = 0;
        while (pid.hasRemaining()) {
            at += ch.write(pid, at);
        }
        return new DirectoryLock(file, ch, lock);
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,10}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock; the file stays (removing it would race with a daemon that just opened it). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
