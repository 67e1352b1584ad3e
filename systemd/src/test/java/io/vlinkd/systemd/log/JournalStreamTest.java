package io.vlinkd.systemd.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalStreamTest {

    @Test
    void matchesOnlyTheSameDeviceAndInode() {
        assertThat(JournalStream.matches("8:12345", 8, 12345)).isTrue();
        assertThat(JournalStream.matches("8:12345", 8, 12346)).isFalse();
        assertThat(JournalStream.matches("9:12345", 8, 12345)).isFalse();
        assertThat(JournalStream.matches("garbage", 8, 12345)).isFalse();
        assertThat(JournalStream.matches(null, 8, 12345)).isFalse();
    }

    @Test
    void recognisesOurOwnStderrWhenTheVariableNamesIt() throws Exception {
        Map<String, Object> a = java.nio.file.Files.readAttributes(java.nio.file.Path.of("/proc/self/fd/2"),
                "unix:dev,ino");
        String value = Long.toUnsignedString((Long) a.get("dev")) + ":" + Long.toUnsignedString((Long) a.get("ino"));
        assertThat(JournalStream.isJournal(Map.of("JOURNAL_STREAM", value), 2)).isTrue();
    }

    @Test
    void anInheritedVariableForAnotherStreamDoesNotCount() {
        // Our stderr under surefire is a pipe, not the stream systemd named.
        assertThat(JournalStream.isJournal(Map.of("JOURNAL_STREAM", "1:1"), 2)).isFalse();
        assertThat(JournalStream.isJournal(Map.of(), 2)).isFalse();
    }
}
