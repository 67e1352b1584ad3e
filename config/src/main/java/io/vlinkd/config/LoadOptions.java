package io.vlinkd.config;

/**
 * How strictly config files are read.
 *
 * @param requireSecureFiles refuse files (and directories) not owned by root or writable by group or others; the
 *                           daemon runs as root, so a config others can write is a way in. Off only for tests and
 *                           for validating a draft as an ordinary user.
 * @param maxFileBytes       files larger than this are refused before they are parsed
 */
public record LoadOptions(boolean requireSecureFiles, long maxFileBytes) {

    /** One MiB: a config with thousands of interfaces fits many times over. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1 << 20;
    /** A file is read into memory whole; 64 MiB is far beyond any config. */
    public static final long MAX_FILE_BYTES_CEILING = 64L << 20;

    public LoadOptions {
        if (maxFileBytes <= 0 || maxFileBytes > MAX_FILE_BYTES_CEILING) {
            throw new IllegalArgumentException("maxFileBytes must be 1.." + MAX_FILE_BYTES_CEILING);
        }
    }

    /** What the daemon uses: secure files only, 1 MiB per file. */
    public static LoadOptions secure() {
        return new LoadOptions(true, DEFAULT_MAX_FILE_BYTES);
    }

    /** Everything as in {@link #secure()} but ownership and mode are not checked. */
    public static LoadOptions relaxed() {
        return new LoadOptions(false, DEFAULT_MAX_FILE_BYTES);
    }
}
