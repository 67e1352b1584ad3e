package io.vlinkd.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWithTheDirectoryAndTheFirstHoldersPid() throws IOException {
        Path state = dir.resolve("state");
        try (DirectoryLock first = DirectoryLock.acquire(state, "state directory")) {
            assertThat(Files.readString(first.file()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> DirectoryLock.acquire(state, "state directory"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("another vlinkd (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("state directory " + state);
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgain() throws IOException {
        DirectoryLock.acquire(dir, "state directory").close();
        try (DirectoryLock again = DirectoryLock.acquire(dir, "state directory")) {
            assertThat(again.file()).isEqualTo(dir.resolve("lock"));
        }
    }
}
