package io.vlinkd.config;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.posix.FileStat;
import jnr.posix.NanosecondFileStat;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Reads one config file whole, as its writer finished it, from a descriptor that was checked (not its path).
 *
 * <ul>
 *   <li>The file is opened with {@code O_NOFOLLOW} (a symlink in the config directory is resolved first and its
 *       target's path checked by {@link FileSecurity#symlinkProblem}; the target is then opened with
 *       {@code O_NOFOLLOW} too) and {@code O_NONBLOCK} (a FIFO named {@code x.yaml} must not hang the daemon).</li>
 *   <li>Type, owner and mode come from {@code fstat} of the open descriptor, so no one can swap the file between
 *       the check and the read.</li>
 *   <li>A file rewritten in place (truncated, then written in pieces) must not be applied half-written: the file is
 *       taken only when size, mtime and ctime are the same before and after the read, the bytes read match the size,
 *       and it has not changed for {@link LoadOptions#settle} (a file changed more recently is looked at again once
 *       that has passed). Otherwise it is read again, {@link LoadOptions#readAttempts} times in all; then the load
 *       fails naming the file, and the daemon keeps its running state.</li>
 * </ul>
 */
final class ConfigFileReader {
    private static final int OPEN_FLAGS = OpenFlags.O_RDONLY.intValue() | OpenFlags.O_NOFOLLOW.intValue()
            | OpenFlags.O_CLOEXEC.intValue() | OpenFlags.O_NONBLOCK.intValue() | OpenFlags.O_NOCTTY.intValue();
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;

    private final LoadOptions options;

    ConfigFileReader(LoadOptions options) {
        this.options = options;
    }

    private static final class Holder {
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    /** The file's bytes, or why they may not be used (a message for a {@code file} problem). */
    sealed interface Outcome {
        record Read(byte[] bytes) implements Outcome {
        }

        record Refused(String message) implements Outcome {
        }
    }

    Outcome read(Path file) {
        Path open = file;
        if (Files.isSymbolicLink(file)) {
            if (options.requireSecureFiles()) {
                Optional<String> problem = FileSecurity.symlinkProblem(file);
                if (problem.isPresent()) {
                    return new Outcome.Refused(problem.get());
                }
            }
            try {
                open = file.toRealPath();
            } catch (java.io.IOException e) {
                return new Outcome.Refused("symlink to a missing file (" + e.getMessage() + ")");
            }
        }
        POSIX posix = Holder.POSIX;
        int fd = posix.open(open.toString(), OPEN_FLAGS, 0);
        if (fd < 0) {
            int errno = posix.errno();
            if (errno == Errno.ELOOP.intValue()) {
                return new Outcome.Refused(file.equals(open) ? "became a symlink as it was opened"
                        : "symlink target " + open + " became a symlink as it was opened");
            }
            return new Outcome.Refused(errno == Errno.ENOENT.intValue() ? "no such file"
                    : "cannot open: " + Errno.valueOf(errno).description());
        }
        try {
            return readWhenStill(posix, fd, open);
        } finally {
            posix.close(fd);
        }
    }

    private Outcome readWhenStill(POSIX posix, int fd, Path path) {
        for (int attempt = 1; attempt <= options.readAttempts(); attempt++) {
            FileStat before = posix.fstat(fd);
            Optional<String> problem = problem(before, path);
            if (problem.isPresent()) {
                return new Outcome.Refused(problem.get());
            }
            byte[] bytes = readAll(posix, fd);
            if (bytes.length > options.maxFileBytes()) {
                return new Outcome.Refused("file is larger than the limit of " + options.maxFileBytes() + " bytes");
            }
            FileStat after = posix.fstat(fd);
            if (!same(before, after) || bytes.length != after.st_size()) {
                continue; // written to while being read
            }
            Duration age = Duration.between(modified(after), Instant.now());
            if (!age.isNegative() && age.compareTo(options.settle()) < 0) {
                // Written moments ago: a writer may be between two pieces. Look again once it has been still.
                sleep(options.settle().minus(age));
                if (!same(after, posix.fstat(fd))) {
                    continue;
                }
            }
            return new Outcome.Read(bytes);
        }
        return new Outcome.Refused("changed while being read, " + options.readAttempts() + " times in a row (it is"
                + " being written in place; write config files atomically: a temporary file, then rename)");
    }

    private Optional<String> problem(FileStat st, Path path) {
        if ((st.mode() & S_IFMT) != S_IFREG) {
            return Optional.of("not a regular file");
        }
        if (st.st_size() > options.maxFileBytes()) {
            return Optional.of("file is " + st.st_size() + " bytes; the limit is " + options.maxFileBytes()
                    + " (split the config into several files)");
        }
        if (!options.requireSecureFiles()) {
            return Optional.empty();
        }
        return FileSecurity.problem("file", st.uid(), st.mode(), path);
    }

    /** Up to one byte past the limit (the file may grow while it is read), from offset 0. */
    private byte[] readAll(POSIX posix, int fd) {
        long cap = options.maxFileBytes() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        while (out.size() < cap) {
            int r = posix.pread(fd, chunk, (int) Math.min(chunk.length, cap - out.size()), out.size());
            if (r <= 0) {
                break; // end of file (an error ends it too: the size no longer matches, and the read is retried)
            }
            out.write(chunk, 0, r);
        }
        return out.toByteArray();
    }

    private static boolean same(FileStat a, FileStat b) {
        return a.ino() == b.ino() && a.st_size() == b.st_size() && modified(a).equals(modified(b))
                && a.ctime() == b.ctime() && nanos(a, false) == nanos(b, false) && a.mode() == b.mode()
                && a.uid() == b.uid();
    }

    private static Instant modified(FileStat st) {
        return Instant.ofEpochSecond(st.mtime(), nanos(st, true));
    }

    private static long nanos(FileStat st, boolean mtime) {
        if (st instanceof NanosecondFileStat n) {
            return mtime ? n.mTimeNanoSecs() : n.cTimeNanoSecs();
        }
        return 0;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
