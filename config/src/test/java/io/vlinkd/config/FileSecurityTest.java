package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the daemon takes its network config from must be root's and not writable by anyone else. */
class FileSecurityTest {
    @TempDir
    Path tmp;
    private Path dir;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        // chown needs root; the unit lane runs as root on these machines, a developer's laptop may not.
        assumeTrue(((Integer) Files.getAttribute(tmp, "unix:uid")) == 0,
                "needs to run as root to create root-owned and foreign-owned files");
        dir = Files.createDirectory(tmp.resolve("vlinkd"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        file = dir.resolve("10.yaml");
        Files.writeString(file, "interfaces: [{name: eth0}]\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private LoadResult load() {
        return new ConfigLoader(LoadOptions.secure()).load(List.of(dir));
    }

    @Test
    void rootOwnedAndNotWritableByOthersIsAccepted() {
        assertThat(load().isValid()).isTrue();
    }

    @Test
    void aFileOwnedByAnotherUserIsRefused() throws IOException {
        Files.setAttribute(file, "unix:uid", 65534);
        assertThat(((LoadResult.Invalid) load()).problems()).singleElement().hasToString(file
                + ":1:1: file: file is owned by uid 65534, not root; the daemon runs as root and would take its"
                + " network config from another user (chown root)");
    }

    @Test
    void aGroupWritableFileIsRefused() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(((LoadResult.Invalid) load()).problems()).singleElement().hasToString(file
                + ":1:1: file: file is writable by group (mode 0664); anyone who can write it controls the host's"
                + " network (chmod go-w)");
    }

    @Test
    void aWorldWritableFileIsRefused() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(((LoadResult.Invalid) load()).problems()).singleElement().asString()
                .contains("file is writable by group and others (mode 0666)");
    }

    @Test
    void aWorldWritableDirectoryIsRefused() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(((LoadResult.Invalid) load()).problems()).singleElement().hasToString(dir
                + ":1:1: file: directory is writable by group and others (mode 0777); anyone who can write it"
                + " controls the host's network (chmod go-w)");
    }

    @Test
    void theCheckIsRelaxedOnlyWhenAsked() throws IOException {
        Files.setAttribute(file, "unix:uid", 65534);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(new ConfigLoader(LoadOptions.relaxed()).load(List.of(dir)).isValid()).isTrue();
        assertThat(new ConfigLoader(LoadOptions.secure()).load(List.of(file)).isValid()).isFalse();
    }
}
