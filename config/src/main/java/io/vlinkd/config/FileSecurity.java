package io.vlinkd.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon runs as root and turns config into kernel state, so whoever can write the config can reconfigure the
 * host's network: refuse files and directories that are not owned by root or that group or others may write.
 * A read-only file system (a Kubernetes ConfigMap mount) cannot be written through whatever its modes say.
 * Read with the JDK's "unix" attribute view: no native code.
 */
final class FileSecurity {
    private static final int GROUP_WRITE = 0020;
    private static final int OTHER_WRITE = 0002;

    private FileSecurity() {
    }

    /** Why {@code path} may not be trusted, or empty when it may. */
    static Optional<String> problem(Path path) {
        try {
            int uid = (Integer) Files.getAttribute(path, "unix:uid");
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            String what = Files.isDirectory(path) ? "directory" : "file";
            if (uid != 0) {
                return Optional.of(what + " is owned by uid " + uid + ", not root; the daemon runs as root and"
                        + " would take its network config from another user (chown root)");
            }
            if ((mode & (GROUP_WRITE | OTHER_WRITE)) != 0 && !Files.getFileStore(path).isReadOnly()) {
                String who = (mode & GROUP_WRITE) != 0 && (mode & OTHER_WRITE) != 0 ? "group and others"
                        : (mode & GROUP_WRITE) != 0 ? "group" : "others";
                return Optional.of(what + " is writable by " + who + " (mode " + String.format("%04o", mode & 07777)
                        + "); anyone who can write it controls the host's network (chmod go-w)");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return Optional.of("cannot read owner and mode: " + e.getMessage());
        }
    }
}
