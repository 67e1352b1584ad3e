package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {

    @Test
    void editorLeftoversDoNotCountButConfigMapSwapsDo() {
        assertThat(ConfigWatcher.matters("10-br.yaml")).isTrue();
        assertThat(ConfigWatcher.matters("..data")).isTrue();
        assertThat(ConfigWatcher.matters(".10-br.yaml.swp")).isFalse();
        assertThat(ConfigWatcher.matters("10-br.yaml~")).isFalse();
        assertThat(ConfigWatcher.matters("10-br.yaml.dpkg-new")).isFalse();
    }

    @Test
    void aBurstOfWritesBecomesOneReload(@TempDir Path dir) throws Exception {
        BlockingQueue<String> reasons = new ArrayBlockingQueue<>(10);
        try (ConfigWatcher w = ConfigWatcher.start(dir, Duration.ofMillis(300), reasons::add)) {
            Files.writeString(dir.resolve("10-a.yaml"), "interfaces: []\n");
            Files.writeString(dir.resolve("10-a.yaml"), "interfaces: []\n# again\n");
            Files.writeString(dir.resolve("20-b.yaml"), "interfaces: []\n");
            assertThat(reasons.take()).isEqualTo("config changed: 10-a.yaml");
            // Nothing further is queued for the same burst: the next event would be a new write.
            Files.writeString(dir.resolve("30-c.yaml"), "interfaces: []\n");
            assertThat(reasons.take()).isEqualTo("config changed: 30-c.yaml");
        }
    }

    @Test
    void aMissingDirectoryIsNotWatched(@TempDir Path dir) throws Exception {
        assertThat(ConfigWatcher.start(dir.resolve("absent"), Duration.ofMillis(1), r -> { })).isNull();
    }
}
