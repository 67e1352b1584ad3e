package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** netns: and peer-netns: name namespaces that exist, and an interface's entry agrees on where the interface is. */
class NamespaceCheckTest {
    @TempDir
    Path tmp;

    /** Loads with only these namespaces existing. */
    private List<String> problems(Path file, String... existing) {
        LoadResult r = new ConfigLoader(LoadOptions.relaxed(), Set.of(existing)::contains).load(file);
        if (!(r instanceof LoadResult.Invalid i)) {
            return List.of();
        }
        return i.problems().stream().map(p -> p.where().line() + ":" + p.where().column() + ": " + p.key() + ": "
                + p.message()).toList();
    }

    private Path write(String yaml) {
        return new ConfigFixture(tmp).write("10.yaml", yaml);
    }

    static Stream<Arguments> namespacesThatDoNotExist() {
        return Stream.of(Arguments.of("netns", """
                interfaces:
                  - name: br-b
                    kind: bridge
                    netns: nosuch
                """, "4:12: interfaces[br-b].netns"), Arguments.of("peer-netns", """
                interfaces:
                  - name: v0
                    kind: veth
                    veth:
                      peer: v0p
                      peer-netns: nosuch
                """, "6:19: interfaces[v0].veth.peer-netns"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namespacesThatDoNotExist")
    void aNamespaceThatDoesNotExistIsAnErrorAtItsKey(String key, String yaml, String where) {
        Path f = write(yaml);
        assertThat(problems(f)).containsExactly(where + ": network namespace nosuch does not exist"
                + " (no /run/netns/nosuch; create it with ip netns add nosuch)");
        assertThat(problems(f, "nosuch")).isEmpty();
    }

    /** A peer's entry in another namespace than its creator puts it in; the problem names the file as %s. */
    static Stream<Arguments> peersEntriesInTheWrongNamespace() {
        return Stream.of(Arguments.of("a peer-netns the peer's entry does not repeat", """
                interfaces:
                  - name: v0
                    kind: veth
                    veth: { peer: v0p, peer-netns: blue }
                  - name: v0p
                    state: up
                """, new String[] {"blue"}, "5:5: interfaces[v0p].netns: interface v0p is created by v0 (at %s:2:5)"
                + " in netns blue but this entry is for the daemon's namespace; add netns: blue"),
                Arguments.of("a veth in a namespace keeps its peer there unless peer-netns says otherwise", """
                interfaces:
                  - name: v0
                    kind: veth
                    netns: red
                    veth: { peer: v0p }
                  - name: v0p
                    netns: blue
                """, new String[] {"red", "blue"}, "7:12: interfaces[v0p].netns: interface v0p is created by v0"
                + " (at %s:2:5) in netns red but this entry is for netns blue; add netns: red"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peersEntriesInTheWrongNamespace")
    void aPeersEntryMustBeWhereItsCreatorPutsThePeer(String name, String yaml, String[] existing, String problem) {
        Path f = write(yaml);
        assertThat(problems(f, existing)).containsExactly(problem.formatted(f));
    }

    @Test
    void aPeersEntryInThePeerNetnsIsFine() {
        Path ok = write("""
                interfaces:
                  - name: v0
                    kind: veth
                    veth: { peer: v0p, peer-netns: blue }
                  - name: v0p
                    netns: blue
                    state: up
                """);
        assertThat(problems(ok, "blue")).isEmpty();
    }

    @Test
    void aParentInAnotherNamespaceIsAnError() {
        Path f = write("""
                interfaces:
                  - name: eth0
                  - name: mv0
                    kind: macvlan
                    link: eth0
                    netns: blue
                """);
        assertThat(problems(f, "blue")).containsExactly("5:11: interfaces[mv0].link: eth0 is in the daemon's"
                + " namespace but mv0 is in netns blue; an interface and the interfaces it is built on must be in"
                + " the same namespace");
    }
}
