package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/invalid/NN-name.yaml} must produce exactly the problems in
 * {@code NN-name.expected}, one {@code line:column: key: message} per line (the file name is implied), in order.
 * Run with {@code -Dvlinkd.corpus.write=true} to write the .expected files from the current output, then review
 * the diff: that is how a new case is added.
 */
class InvalidCorpusTest {
    static final Path DIR = Path.of("src/test/resources/invalid");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(String name) throws IOException {
        Path file = DIR.resolve(name);
        LoadResult result = new ConfigLoader(LoadOptions.relaxed()).load(List.of(file));
        assertThat(result).as("an invalid case must not load").isInstanceOf(LoadResult.Invalid.class);
        List<ConfigProblem> problems = ((LoadResult.Invalid) result).problems();
        List<String> actual = problems.stream().map(p -> {
            assertThat(p.where().file()).isEqualTo(file);
            return p.where().line() + ":" + p.where().column() + ": " + p.key() + ": " + p.message();
        }).toList();
        Path expectedFile = DIR.resolve(name.replace(".yaml", ".expected"));
        if (Boolean.getBoolean("vlinkd.corpus.write")) {
            Files.write(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile, StandardCharsets.UTF_8));
        // What vlinkctl validate prints for it: the same lines with the file name, a count, exit 1.
        ValidationReport report = ValidationReport.of(result);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.lines()).hasSize(problems.size() + 1);
        assertThat(report.lines().get(0)).isEqualTo(file + ":" + actual.get(0));
    }

    /** The first line of each case says whether the JSON Schema alone can reject it. */
    static String schemaVerdict(Path file) throws IOException {
        String first = Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(0);
        if (!first.startsWith("# schema: ")) {
            throw new IllegalStateException(file + " lacks its '# schema: rejects|accepts|n/a' line");
        }
        return first.substring("# schema: ".length()).strip();
    }
}
