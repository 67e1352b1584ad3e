package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/kinds.md is generated from the kind classes; this fails when someone changed a kind but not the docs. */
class KindsTableTest {
    private static final Path DOC = Path.of("..", "docs", "kinds.md");

    @Test
    void committedKindsTableMatchesTheKindClasses() throws IOException {
        String expected = KindsTable.markdown();
        if (Boolean.getBoolean("vlinkd.regenerate")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("docs/kinds.md is stale: regenerate with -Dvlinkd.regenerate=true").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void everyKindHasDocumentedOptions() {
        for (LinkKind<?> k : LinkKinds.all()) {
            for (Option o : k.options()) {
                assertThat(o.description()).as(k.name() + "." + o.key()).isNotBlank();
                assertThat(o.since()).as(k.name() + "." + o.key()).matches("\\d+(\\.\\d+)+");
                assertThat(o.key()).as(k.name() + "." + o.key()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            }
        }
    }
}
