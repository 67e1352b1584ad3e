package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the daemon takes its network config from must be root's and not writable by anyone else. */
class FileSecurityTest {
    @TempDir
    Path tmp;
    private Path dir;
    private Path file;
    /** Made by trustedScratch when a test needs it. */
    private Path scratch;

    @BeforeEach
    void setUp() throws IOException {
        // chown needs root; the unit lane runs as root on these machines, a developer's laptop may not.
        assumeTrue(((Integer) Files.getAttribute(tmp, "unix:uid")) == 0,
                "needs to run as root to create root-owned and foreign-owned files");
        dir = Files.createDirectory(tmp.resolve("vlinkd"));
        chmod(dir, "rwxr-xr-x");
        file = dir.resolve("10.yaml");
        Files.writeString(file, "interfaces: [{name: eth0}]\n");
        chmod(file, "rw-r--r--");
    }

    private LoadResult load() {
        return new ConfigLoader(LoadOptions.secure()).load(List.of(dir));
    }

    /** The one problem loading the directory reports, as the operator reads it. */
    private String onlyProblem() {
        List<?> problems = ((LoadResult.Invalid) load()).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0).toString();
    }

    /** A new directory with {@code mode}, whatever the umask. */
    private static Path mkdir(Path path, String mode) throws IOException {
        chmod(Files.createDirectory(path), mode);
        return path;
    }

    private static void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    @Test
    void rootOwnedAndNotWritableByOthersIsAccepted() {
        assertThat(load().isValid()).isTrue();
    }

    @Test
    void aFileOwnedByAnotherUserIsRefused() throws IOException {
        Files.setAttribute(file, "unix:uid", 65534);
        assertThat(onlyProblem()).isEqualTo(file
                + ":1:1: file: file is owned by uid 65534, not root; the daemon runs as root and would take its"
                + " network config from another user (chown root)");
    }

    @Test
    void aGroupWritableFileIsRefused() throws IOException {
        chmod(file, "rw-rw-r--");
        assertThat(onlyProblem()).isEqualTo(file
                + ":1:1: file: file is writable by group (mode 0664); anyone who can write it controls the host's"
                + " network (chmod go-w)");
    }

    @Test
    void aWorldWritableFileIsRefused() throws IOException {
        chmod(file, "rw-rw-rw-");
        assertThat(onlyProblem()).contains("file is writable by group and others (mode 0666)");
    }

    @Test
    void aWorldWritableDirectoryIsRefused() throws IOException {
        chmod(dir, "rwxrwxrwx");
        assertThat(onlyProblem()).isEqualTo(dir
                + ":1:1: file: directory is writable by group and others (mode 0777); anyone who can write it"
                + " controls the host's network (chmod go-w)");
    }

    @Test
    void theCheckIsRelaxedOnlyWhenAsked() throws IOException {
        Files.setAttribute(file, "unix:uid", 65534);
        chmod(file, "rw-rw-rw-");
        assertThat(new ConfigLoader(LoadOptions.relaxed()).load(List.of(dir)).isValid()).isTrue();
        assertThat(new ConfigLoader(LoadOptions.secure()).load(List.of(file)).isValid()).isFalse();
    }

    /**
     * A directory whose every ancestor passes the check, for symlink targets: the test's own temporary directory is
     * under /tmp, which others may write, so no symlink into it could ever be trusted; neither could one into the
     * checkout's target/ when the checkout itself is under /tmp (as in CI). /run is root's and 0755 on every systemd
     * host, so the scratch directory is made there first; the checkout's target/ is the fallback, and the test is
     * skipped only when neither place is trusted.
     */
    private Path trustedScratch() throws IOException {
        StringBuilder untrusted = new StringBuilder();
        for (Path parent : List.of(Path.of("/run"), Path.of("target").toAbsolutePath())) {
            Optional<String> why = untrustedAncestor(parent);
            if (why.isEmpty()) {
                scratch = Files.createTempDirectory(parent, "vlinkd-test-");
                chmod(scratch, "rwxr-xr-x");
                return scratch;
            }
            untrusted.append(' ').append(why.get());
        }
        return abort("no trusted place for a scratch directory:" + untrusted);
    }

    /** Why {@code dir} or a directory above it would not be trusted, or empty if all pass. */
    private static Optional<String> untrustedAncestor(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " does not exist;");
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            Optional<String> problem = FileSecurity.problem(p);
            if (problem.isPresent()) {
                return Optional.of(p + ": " + problem.get() + ";");
            }
        }
        return Optional.empty();
    }

    /**
     * The trusted scratch directory is not under @TempDir (see trustedScratch), so the test removes it; an after-each
     * method runs when the test fails too, so /run keeps nothing of a failed run.
     */
    @AfterEach
    void deleteScratch() throws IOException {
        if (scratch == null) {
            return;
        }
        try (var walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aSymlinkIntoADirectoryOthersMayWriteIsRefused() throws IOException {
        Path scratch = trustedScratch();
        Path open = mkdir(scratch.resolve("drop"), "rwxrwxrwx");
        Path target = open.resolve("evil.yaml"); // root's and 0644 itself: only its directory is wrong
        Files.writeString(target, "interfaces: [{name: eth0}]\n");
        chmod(target, "rw-r--r--");
        Files.delete(file);
        Files.createSymbolicLink(file, target);
        assertThat(onlyProblem()).isEqualTo(file
                + ":1:1: file: symlink to " + target + ", and " + open + ": directory is writable by group and"
                + " others (mode 0777); anyone who can write it controls the host's network (chmod go-w)");
    }

    @Test
    void aSymlinkToAnotherUsersFileIsRefused() throws IOException {
        Path scratch = trustedScratch();
        Path target = scratch.resolve("theirs.yaml");
        Files.writeString(target, "interfaces: [{name: eth0}]\n");
        Files.setAttribute(target, "unix:uid", 65534);
        Files.delete(file);
        Files.createSymbolicLink(file, target);
        assertThat(onlyProblem())
                .contains("file: symlink to " + target + ", and its target file is owned by uid 65534");
    }

    @Test
    void aKubernetesConfigMapMountIsAccepted() throws IOException {
        // kubelet's layout: each key a symlink through ..data to a timestamped directory it swaps atomically.
        Path scratch = trustedScratch();
        Path mount = mkdir(scratch.resolve("vlinkd"), "rwxr-xr-x");
        Path stamped = mkdir(mount.resolve("..2026_12_02_18_00_00.123456789"), "rwxr-xr-x");
        Path real = stamped.resolve("10.yaml");
        Files.writeString(real, "interfaces: [{name: br0, kind: bridge}]\n");
        chmod(real, "rw-r--r--");
        Files.createSymbolicLink(mount.resolve("..data"), stamped.getFileName());
        Files.createSymbolicLink(mount.resolve("10.yaml"), Path.of("..data/10.yaml"));
        LoadResult r = new ConfigLoader(LoadOptions.secure()).load(List.of(mount));
        assertThat(r).isInstanceOfSatisfying(LoadResult.Valid.class, v -> assertThat(v.state().links())
                .singleElement().satisfies(l -> assertThat(l.link().name()).isEqualTo("br0")));
    }

    @Test
    void aConfigDirectoryThatIsASymlinkIntoADirectoryOthersMayWriteIsRefused() throws IOException {
        Path scratch = trustedScratch();
        Path open = mkdir(scratch.resolve("open"), "rwxrwxr-x");
        Path real = mkdir(open.resolve("vlinkd"), "rwxr-xr-x");
        Path link = Files.createSymbolicLink(scratch.resolve("etc-vlinkd"), real);
        assertThat(((LoadResult.Invalid) new ConfigLoader(LoadOptions.secure()).load(List.of(link))).problems())
                .singleElement().asString().contains(link + ":1:1: file: symlink to " + real + ", and " + open
                        + ": directory is writable by group (mode 0775)");
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("20.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        chmod(fifo, "rw-r--r--");
        assertThat(onlyProblem()).isEqualTo(fifo + ":1:1: file: not a regular file");
    }
}
