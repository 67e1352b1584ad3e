package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigWatcherTest {

    /** tmp/vlinkd holding 10-a.yaml. */
    private static Path configDirWithOneFile(Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("vlinkd"));
        Files.writeString(dir.resolve("10-a.yaml"), "interfaces: []\n");
        return dir;
    }

    /** A watcher of dir with the short delays the tests of a removed or missing directory wait through. */
    private static ConfigWatcher watchingForRemoval(Path dir, BlockingQueue<String> reasons) throws IOException {
        return ConfigWatcher.start(dir, Duration.ofMillis(100), Duration.ofMillis(50), reasons::add);
    }

    /** A ConfigMap swap renames {@code ..data}; editors and package managers leave the other names behind. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"10-br.yaml, true", "..data, true", ".10-br.yaml.swp, false", "10-br.yaml~, false",
            "10-br.yaml.dpkg-new, false"})
    void editorLeftoversDoNotCountButConfigMapSwapsDo(String name, boolean matters) {
        assertThat(ConfigWatcher.matters(name)).isEqualTo(matters);
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
    void aMissingDirectoryIsWaitedForAndItsFilesReadWhenItAppears(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("vlinkd");
        BlockingQueue<String> reasons = new ArrayBlockingQueue<>(10);
        try (ConfigWatcher w = watchingForRemoval(dir, reasons)) {
            // A directory restored whole (mv of a backup, a volume mounted): no event inside it is ever seen.
            Path staged = Files.createDirectory(tmp.resolve("staged"));
            Files.writeString(staged.resolve("10-a.yaml"), "interfaces: []\n");
            Files.move(staged, dir);
            assertThat(reasons.poll(5, TimeUnit.SECONDS)).isEqualTo("config directory " + dir + " is back: 10-a.yaml");
        }
    }

    @Test
    void aRemovedDirectoryAsksForAReloadAndIsWatchedAgainWhenItComesBack(@TempDir Path tmp) throws Exception {
        Path dir = configDirWithOneFile(tmp);
        BlockingQueue<String> reasons = new ArrayBlockingQueue<>(10);
        try (ConfigWatcher w = watchingForRemoval(dir, reasons)) {
            Files.delete(dir.resolve("10-a.yaml"));
            Files.delete(dir); // rm -rf: the files, then the directory, in one burst
            assertThat(reasons.poll(5, TimeUnit.SECONDS)).isEqualTo("config directory " + dir + " removed");

            // mkdir, then the copy: the empty directory alone asks for nothing (it would read as "want nothing").
            Files.createDirectory(dir);
            assertThat(reasons.poll(400, TimeUnit.MILLISECONDS)).isNull();
            Files.writeString(dir.resolve("20-b.yaml"), "interfaces: []\n");
            assertThat(reasons.poll(5, TimeUnit.SECONDS)).isEqualTo("config changed: 20-b.yaml");
        }
    }

    @Test
    void aDirectoryMovedAwayCountsAsRemoved(@TempDir Path tmp) throws Exception {
        Path dir = configDirWithOneFile(tmp);
        BlockingQueue<String> reasons = new ArrayBlockingQueue<>(10);
        try (ConfigWatcher w = watchingForRemoval(dir, reasons)) {
            // inotify keeps watching the moved directory and reports nothing about its old name.
            Files.move(dir, tmp.resolve("vlinkd.old"));
            assertThat(reasons.poll(5, TimeUnit.SECONDS)).isEqualTo("config directory " + dir + " removed");
        }
    }
}
