package io.vlinkd.systemd.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a file descriptor is connected to the journal. systemd sets {@code $JOURNAL_STREAM} to
 * {@code DEV:INODE} of the stream it connected to stdout/stderr; the variable is inherited by children whose
 * output goes elsewhere, so it counts only when the descriptor's own device and inode match (systemd.exec(5)).
 */
public final class JournalStream {
    private JournalStream() {
    }

    /** True when {@code journalStream} (the variable's value) names exactly {@code dev:inode}. */
    public static boolean matches(String journalStream, long dev, long inode) {
        if (journalStream == null) {
            return false;
        }
        int colon = journalStream.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        try {
            return Long.parseUnsignedLong(journalStream.substring(0, colon)) == dev
                    && Long.parseUnsignedLong(journalStream.substring(colon + 1)) == inode;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when this process's descriptor {@code fd} (1 or 2) is the journal stream systemd set up. */
    public static boolean isJournal(Map<String, String> env, int fd) {
        String v = env.get("JOURNAL_STREAM");
        if (v == null || v.isEmpty()) {
            return false;
        }
        try {
            // stat() through /proc follows the descriptor to the socket's own inode, as fstat(fd) would.
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/self/fd/" + fd), "unix:dev,ino");
            return matches(v, (Long) a.get("dev"), (Long) a.get("ino"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
