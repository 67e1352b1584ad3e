package io.vlinkd.config;

import java.time.Duration;

/**
 * How strictly config files are read.
 *
 * @param requireSecureFiles refuse files (and directories) not owned by root or writable by group or others, and
 *                           symlinks whose target or a directory above it is; the daemon runs as root, so a config
 *                           others can write is a way in. Off only for tests and for validating a draft as an
 *                           ordinary user.
 * @param maxFileBytes       files larger than this are refused before they are parsed
 * @param settle             a file changed less than this long ago is read only once it has stayed unchanged this
 *                           long (a writer rewriting it in place may be between two pieces); zero reads it as it is
 * @param readAttempts       how many times a file that changed while being read is read again before the load
 *                           fails naming it
 */
public record LoadOptions(boolean requireSecureFiles, long maxFileBytes, Duration settle, int readAttempts) {

    /** One MiB: a config with thousands of interfaces fits many times over. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1 << 20;
    /** A file is read into memory whole; 64 MiB is far beyond any config. */
    public static final long MAX_FILE_BYTES_CEILING = 64L << 20;
    /** The config watcher's debounce: a save that settles within it makes one reload. */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(500);
    /** With {@link #DEFAULT_SETTLE}, a file that never holds still fails the load after about 2.5 s. */
    public static final int DEFAULT_READ_ATTEMPTS = 5;

    public LoadOptions {
        if (maxFileBytes <= 0 || maxFileBytes > MAX_FILE_BYTES_CEILING) {
            throw new IllegalArgumentException("maxFileBytes must be 1.." + MAX_FILE_BYTES_CEILING);
        }
        if (settle.isNegative() || readAttempts < 1) {
            throw new IllegalArgumentException("settle must not be negative and readAttempts at least 1");
        }
    }

    /** What the daemon and vlinkctl use: secure files only, 1 MiB per file, a recent write must settle. */
    public static LoadOptions secure() {
        return new LoadOptions(true, DEFAULT_MAX_FILE_BYTES, DEFAULT_SETTLE, DEFAULT_READ_ATTEMPTS);
    }

    /**
     * For tests and drafts: ownership and mode are not checked, and a file is taken as it is unless it changes
     * while being read (no wait for a recent write to settle).
     */
    public static LoadOptions relaxed() {
        return new LoadOptions(false, DEFAULT_MAX_FILE_BYTES, Duration.ZERO, DEFAULT_READ_ATTEMPTS);
    }

    public LoadOptions withSettle(Duration newSettle) {
        return new LoadOptions(requireSecureFiles, maxFileBytes, newSettle, readAttempts);
    }
}
