package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shell scripts of the VM lane keep their own lists of kinds (they run in a guest without Java): each must name
 * exactly the kinds of the registry, so that a kind added to {@link LinkKinds} gets its module loaded and its link
 * created there, and a kind named there is one vlinkd has. The Java code outside the registry (the lane report, the
 * fake kernel's masters) reads the registry instead.
 */
class KindListsTest {
    /** The repository's root: the tests run in the netlink module's directory. */
    private static final Path ROOT = Path.of("..");
    private static final String LOAD_MODULES = "integration-tests/vm/guest/load-modules";
    private static final String SMOKE_KINDS = "integration-tests/vm/guest/smoke-kinds";

    @Test
    void loadModulesLoadsTheModuleOfEveryKindAndOfNoOther() throws IOException {
        String script = Files.readString(ROOT.resolve(LOAD_MODULES));
        Matcher m = Pattern.compile("(?m)^modules=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as(LOAD_MODULES + ": a modules=( module:kind,... ) list").isTrue();
        Set<String> kinds = new LinkedHashSet<>();
        for (String entry : m.group(1).trim().split("\\s+")) {
            kinds.addAll(List.of(entry.substring(entry.indexOf(':') + 1).split(",")));
        }
        assertSameKinds(LOAD_MODULES, kinds);
    }

    @Test
    void smokeKindsCreatesALinkOfEveryKindAndOfNoOther() throws IOException {
        String script = Files.readString(ROOT.resolve(SMOKE_KINDS));
        // `add KIND IFNAME ARGS...`, also inside loops; not the definition `add() {`.
        Matcher m = Pattern.compile("(?m)^\\s*add ([a-z0-9]+) ").matcher(script);
        Set<String> kinds = new LinkedHashSet<>();
        while (m.find()) {
            kinds.add(m.group(1));
        }
        assertSameKinds(SMOKE_KINDS, kinds);
    }

    /** Every problem in one message: each kind named, with the file. */
    private static void assertSameKinds(String file, Set<String> listed) {
        List<String> problems = new ArrayList<>();
        for (String kind : LinkKinds.names()) {
            if (!listed.contains(kind)) {
                problems.add(file + ": kind " + kind + " of the registry (LinkKinds) is missing");
            }
        }
        for (String kind : listed) {
            if (LinkKinds.byName(kind).isEmpty()) {
                problems.add(file + ": kind " + kind + " is not in the registry (LinkKinds)");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }
}
