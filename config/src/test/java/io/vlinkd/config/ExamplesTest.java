package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operator-facing example under {@code examples/} loads cleanly, and together they cover every kind. */
class ExamplesTest {
    static final Path DIR = Path.of("../examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsValid(Path example) {
        LoadResult r = new ConfigLoader(LoadOptions.relaxed()).load(List.of(example));
        assertThat(r).as(() -> ValidationReport.of(r).text()).isInstanceOf(LoadResult.Valid.class);
    }

    @Test
    void examplesCoverEveryKind() throws IOException {
        Set<String> used = examples().flatMap(p -> {
            LoadResult r = new ConfigLoader(LoadOptions.relaxed()).load(List.of(p));
            return r instanceof LoadResult.Valid v ? v.state().links().stream() : Stream.empty();
        }).filter(l -> !l.link().isExisting()).map(l -> l.link().kind().name()).collect(Collectors.toSet());
        Set<String> all = LinkKinds.all().stream().map(LinkKind::name).collect(Collectors.toSet());
        assertThat(used).containsAll(all);
    }
}
