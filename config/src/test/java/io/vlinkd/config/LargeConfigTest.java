package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config near the size limit loads, and one full of mistakes is reported without blowing up. */
class LargeConfigTest {
    @TempDir
    Path tmp;

    @Test
    void tenThousandInterfacesNearTheSizeLimitLoad() throws IOException {
        StringBuilder sb = new StringBuilder("interfaces:\n  - name: br0\n    kind: bridge\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("  - { name: d").append(i).append(", kind: dummy, master: br0, mtu: 1500,")
                    .append(" addresses: [10.").append(i / 256).append('.').append(i % 256).append(".1/32] }\n");
        }
        Path f = tmp.resolve("big.yaml");
        Files.writeString(f, sb);
        assertThat(Files.size(f)).isLessThan(LoadOptions.DEFAULT_MAX_FILE_BYTES);
        long start = System.nanoTime();
        LoadResult r = new ConfigLoader(LoadOptions.relaxed()).load(List.of(f));
        System.out.printf("10,001 interfaces, %d bytes: loaded in %d ms%n", Files.size(f),
                (System.nanoTime() - start) / 1_000_000);
        assertThat(r.isValid()).isTrue();
        assertThat(((LoadResult.Valid) r).state().links()).hasSize(10_001);
    }

    @Test
    void tenThousandBrokenReferencesAreAllReported() throws IOException {
        StringBuilder sb = new StringBuilder("interfaces:\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("  - { name: d").append(i).append(", kind: dummy, master: x").append(i).append(" }\n");
        }
        Path f = tmp.resolve("refs.yaml");
        Files.writeString(f, sb);
        long start = System.nanoTime();
        LoadResult r = new ConfigLoader(LoadOptions.relaxed()).load(List.of(f));
        System.out.printf("10,000 undefined references: reported in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(((LoadResult.Invalid) r).problems()).hasSize(10_000);
    }
}
