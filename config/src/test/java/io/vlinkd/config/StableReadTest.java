package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file rewritten in place while it is read is never taken half-written. */
class StableReadTest {
    @TempDir
    Path dir;

    private static String interfaces(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("  - {name: br").append(i).append(", kind: bridge}\n");
        }
        return sb.toString();
    }

    /** Truncates {@code f} and writes {@code text} into the same inode, as an editor saving in place does. */
    private static void rewriteInPlace(Path f, String text) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(0);
            raf.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void append(Path f, String text) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(raf.length());
            raf.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFileRewrittenInPlaceIsReadOnceItIsComplete() throws Exception {
        Path f = dir.resolve("10.yaml");
        Files.writeString(f, "interfaces:\n" + interfaces(0, 200));
        // The writer has written 59 of the 200 entries (a valid file on its own) and pauses before the rest.
        rewriteInPlace(f, "interfaces:\n" + interfaces(0, 59));
        ConfigLoader loader = new ConfigLoader(LoadOptions.relaxed().withSettle(Duration.ofSeconds(2)));
        CompletableFuture<LoadResult> load = CompletableFuture.supplyAsync(() -> loader.load(List.of(dir)));
        Thread.sleep(100);
        append(f, interfaces(59, 200));
        LoadResult r = load.get(20, TimeUnit.SECONDS);
        assertThat(r).isInstanceOfSatisfying(LoadResult.Valid.class,
                v -> assertThat(v.state().links()).hasSize(200));
    }

    @Test
    void aFileThatNeverHoldsStillFailsTheLoadNamingIt() throws Exception {
        Path f = dir.resolve("10.yaml");
        Files.writeString(f, "interfaces:\n" + interfaces(0, 3));
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                for (int n = 1; !stop.get(); n = n % 50 + 1) {
                    rewriteInPlace(f, "interfaces:\n" + interfaces(0, n));
                    Thread.sleep(10);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            // The writer rewrites every 10 ms; a settle time of 1 s keeps it from looking still when a loaded
            // machine leaves its thread unscheduled for a while (with 100 ms the file was seen whole at load ~10).
            LoadResult r = new ConfigLoader(LoadOptions.relaxed().withSettle(Duration.ofSeconds(1)))
                    .load(List.of(dir));
            assertThat(r).isInstanceOfSatisfying(LoadResult.Invalid.class, i -> assertThat(i.problems())
                    .singleElement().hasToString(f + ":1:1: file: changed while being read, 5 times in a row (it is"
                            + " being written in place; write config files atomically: a temporary file, then"
                            + " rename)"));
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void aFileLeftAloneIsReadAtOnce() throws Exception {
        Path f = dir.resolve("10.yaml");
        Files.writeString(f, "interfaces:\n" + interfaces(0, 2));
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        long started = System.nanoTime();
        assertThat(new ConfigLoader(LoadOptions.relaxed().withSettle(Duration.ofSeconds(30))).load(List.of(dir))
                .isValid()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
