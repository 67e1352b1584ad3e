package io.vlinkd.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon runs as root and turns config into kernel state, so whoever can write the config can reconfigure the
 * host's network: refuse files and directories that are not owned by root or that group or others may write.
 * A read-only file system (a Kubernetes ConfigMap mount) cannot be written through whatever its modes say.
 *
 * <p>A symlink is trusted only as far as its target's path: the target and every directory above it must pass the
 * same test, or whoever can write one of them can swap the file (a link into {@code /tmp} is refused, sticky bit or
 * not). A Kubernetes ConfigMap's {@code 10.yaml -> ..data/10.yaml}, {@code ..data -> ..2026_12_02_...} stay inside the
 * root-owned mount and pass. Paths are checked with the JDK's "unix" attribute view; the file that is actually read
 * is checked again on its open descriptor ({@link ConfigFileReader}).
 */
final class FileSecurity {
    static final int GROUP_WRITE = 0020;
    static final int OTHER_WRITE = 0002;

    private FileSecurity() {
    }

    /** Why {@code path} may not be trusted, or empty when it may. A symlink is judged by its target's path. */
    static Optional<String> problem(Path path) {
        if (Files.isSymbolicLink(path)) {
            return symlinkProblem(path);
        }
        try {
            int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return problem(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "directory" : "file", uid, mode,
                    path);
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return Optional.of("cannot read owner and mode: " + e.getMessage());
        }
    }

    /**
     * Why a file or directory ({@code what}) with this owner and mode may not be trusted. {@code where} says on
     * which file system it is (a read-only one is trusted whatever the modes).
     */
    static Optional<String> problem(String what, int uid, int mode, Path where) {
        if (uid != 0) {
            return Optional.of(what + " is owned by uid " + uid + ", not root; the daemon runs as root and"
                    + " would take its network config from another user (chown root)");
        }
        if ((mode & (GROUP_WRITE | OTHER_WRITE)) != 0 && !readOnly(where)) {
            String who = (mode & GROUP_WRITE) != 0 && (mode & OTHER_WRITE) != 0 ? "group and others"
                    : (mode & GROUP_WRITE) != 0 ? "group" : "others";
            return Optional.of(what + " is writable by " + who + " (mode " + String.format("%04o", mode & 07777)
                    + "); anyone who can write it controls the host's network (chmod go-w)");
        }
        return Optional.empty();
    }

    /** The target of {@code link} and each directory above it, up to {@code /}, must pass {@link #problem}. */
    static Optional<String> symlinkProblem(Path link) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            return Optional.of("symlink to a missing file (" + e.getMessage() + ")");
        }
        for (Path p = target; p != null; p = p.getParent()) {
            Optional<String> problem = problem(p);
            if (problem.isPresent()) {
                return Optional.of("symlink to " + target + ", and " + (p.equals(target) ? "its target " : p + ": ")
                        + problem.get());
            }
        }
        return Optional.empty();
    }

    private static boolean readOnly(Path where) {
        try {
            return Files.getFileStore(where).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }
}
