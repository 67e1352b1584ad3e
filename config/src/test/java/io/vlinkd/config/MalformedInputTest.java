package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever bytes a file holds, loading ends in a located problem (or a valid config), never an exception: the
 * daemon must survive an operator saving half a file or the wrong file.
 */
class MalformedInputTest {
    @TempDir
    Path tmp;

    private List<ConfigProblem> problems(Path file) {
        LoadResult r = new ConfigLoader(LoadOptions.relaxed()).load(List.of(file));
        assertThat(r).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid) r).problems();
    }

    @Test
    void tenMegabyteFileIsRefusedBeforeParsing() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "  - { name: d0, kind: dummy }\n".getBytes(StandardCharsets.US_ASCII);
            out.write("interfaces:\n".getBytes(StandardCharsets.US_ASCII));
            for (long n = 0; n < 10L * 1024 * 1024; n += line.length) {
                out.write(line);
            }
        }
        assertThat(problems(big)).singleElement().hasToString(big + ":1:1: file: file is " + Files.size(big)
                + " bytes; the limit is 1048576 (split the config into several files)");
    }

    @Test
    void binaryGarbageIsLocated() throws IOException {
        Path bin = tmp.resolve("bin.yaml");
        Files.write(bin, new byte[]{'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(problems(bin)).singleElement().hasToString(bin
                + ":2:4: file: not UTF-8 text (byte 0xff at offset 8); is this a binary file?");
    }

    @Test
    void controlCharactersInValidUtf8AreLocated() throws IOException {
        Path f = tmp.resolve("ctl.yaml");
        Files.write(f, "interfaces:\n  - name: d\u0007x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems(f)).singleElement()
                .hasToString(f + ":2:12: yaml: character U+0007 is not allowed in YAML (is this a binary file?)");
    }

    @Test
    void aGzipFileIsNotAConfig() throws IOException {
        Path f = tmp.resolve("gz.yaml");
        Files.write(f, new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
        assertThat(problems(f)).singleElement().satisfies(p -> {
            assertThat(p.where().line()).isEqualTo(1);
            assertThat(p.key()).isIn("file", "yaml");
        });
    }

    @Test
    void randomBytesNeverThrow() throws IOException {
        Random random = new Random(20261124);
        Path f = tmp.resolve("random.yaml");
        ConfigLoader loader = new ConfigLoader(LoadOptions.relaxed());
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            Files.write(f, b);
            LoadResult r = loader.load(List.of(f));
            if (r instanceof LoadResult.Invalid inv) {
                inv.problems().forEach(p -> assertThat(p.toString()).doesNotContain("Exception").doesNotContain("\n"));
            }
        }
    }

    @Test
    void everyTruncationOfAValidConfigEndsInAResultNotAnException() throws IOException {
        String full = Files.readString(Path.of("../examples/existing-uplink.yaml"));
        Path f = tmp.resolve("cut.yaml");
        ConfigLoader loader = new ConfigLoader(LoadOptions.relaxed());
        for (int cut = 0; cut <= full.length(); cut += 3) {
            Files.writeString(f, full.substring(0, cut));
            LoadResult r = loader.load(List.of(f));
            if (r instanceof LoadResult.Invalid inv) {
                inv.problems().forEach(p -> {
                    assertThat(p.where().file()).isEqualTo(f);
                    assertThat(p.where().line()).isPositive();
                    assertThat(p.toString()).doesNotContain("Exception");
                });
            }
        }
    }

    @Test
    void scrambledYamlPunctuationNeverThrows() throws IOException {
        String alphabet = "{}[]-:,&*!|>'\"#%@`? \n\t  abc123";
        Random random = new Random(7);
        Path f = tmp.resolve("punct.yaml");
        ConfigLoader loader = new ConfigLoader(LoadOptions.relaxed());
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(120);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.writeString(f, sb.toString());
            LoadResult r = loader.load(List.of(f));
            assertThat(r).isNotNull();
        }
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() throws IOException {
        Path f = tmp.resolve("deep.yaml");
        Files.writeString(f, "interfaces: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertThat(problems(f)).singleElement().hasToString(f + ":1:44: yaml: nested deeper than 32 levels");
    }

    @Test
    void billionLaughsIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            sb.append("]\n");
        }
        Path f = tmp.resolve("lol.yaml");
        Files.writeString(f, sb.toString());
        assertThat(problems(f)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("yaml");
            assertThat(p.message()).startsWith("more than 50 aliases");
        });
    }

    @Test
    void aRecursiveAliasInsideAValueEndsInAProblem() throws IOException {
        Path f = tmp.resolve("rec.yaml");
        Files.writeString(f, "interfaces: &a\n  - name: d0\n    alias: *a\n");
        List<ConfigProblem> p = problems(f);
        assertThat(p).extracting(ConfigProblem::key).contains("interfaces[d0].alias");
    }

    @Test
    void aBomIsAllowed() throws IOException {
        Path f = tmp.resolve("bom.yaml");
        Files.write(f, ("\uFEFFinterfaces: [{name: eth0}]\n").getBytes(StandardCharsets.UTF_8));
        assertThat(new ConfigLoader(LoadOptions.relaxed()).load(List.of(f)).isValid()).isTrue();
    }

    @Test
    void aFifoOrDeviceIsNotRead() {
        Path dev = Path.of("/dev/zero");
        List<ConfigProblem> p = problems(dev);
        assertThat(p).singleElement().hasToString("/dev/zero:1:1: file: not a regular file");
    }
}
