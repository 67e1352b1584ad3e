package io.vlinkd.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.NlMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as an operator runs it: the {@code vlinkd} process in a private namespace, its signals, its config
 * directory, its ledger, and the kernel as the oracle (issue 13: never lose what you own).
 */
class VlinkdProcessTest {
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private TestNamespace ns;
    private Path configDir;
    private Path stateDir;
    private Path runtimeDir;
    private final List<VlinkdProcess> processes = new ArrayList<>();

    @BeforeEach
    void namespace() throws IOException {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns: runs in the namespace lane");
        ns = TestNamespace.create();
        Assumptions.assumeTrue(ns.supportsKind("bridge"), "this kernel lacks bridge");
        configDir = Files.createDirectories(tmp.resolve("etc"));
        stateDir = Files.createDirectories(tmp.resolve("state"));
        runtimeDir = Files.createDirectories(tmp.resolve("run"));
    }

    @AfterEach
    void cleanUp() {
        processes.forEach(VlinkdProcess::close);
        if (ns != null) {
            ns.close();
        }
    }

    private VlinkdProcess vlinkd() throws IOException {
        VlinkdProcess p = VlinkdProcess.start(ns, configDir, stateDir, runtimeDir);
        processes.add(p);
        return p;
    }

    private Path writeConfig(Path dir, String file, String... bridges) throws IOException {
        StringBuilder yaml = new StringBuilder("interfaces:\n");
        for (String b : bridges) {
            yaml.append("  - name: ").append(b).append("\n    kind: bridge\n");
        }
        return Files.writeString(dir.resolve(file), yaml.toString());
    }

    private int ifindex(String name) {
        JsonNode l = ns.link(name);
        return l == null ? -1 : l.get("ifindex").asInt();
    }

    private Ownership ledger() throws IOException {
        return new OwnershipStore(stateDir.resolve("owned")).load();
    }

    @Test
    void aSighupAsSoonAsVlinkdSaysAnythingIsAReloadNotAnExit() throws Exception {
        writeConfig(configDir, "10-a.yaml", "bra");
        VlinkdProcess d = vlinkd();
        // Its first line is logged right after the handlers are in place: the JVM's own would exit 129.
        d.await(l -> true, START);
        d.signal("HUP");
        d.await(l -> l.contains("ready: converged"), START);
        d.await(l -> l.contains("reloading (SIGHUP"), START);
        assertThat(d.isAlive()).as("vlinkd survived SIGHUP during its start; log:\n%s", d.log()).isTrue();
        assertThat(d.stop()).isZero();
    }

    @Test
    void anInvalidConfigAtStartDeletesNothingWhenAnOwnedLinkChanges() throws Exception {
        Path file = writeConfig(configDir, "10-a.yaml", "bra", "brb");
        VlinkdProcess first = vlinkd();
        first.await(l -> l.contains("ready: converged"), START);
        assertThat(first.stop()).isZero();
        int bra = ifindex("bra");
        assertThat(ledger().owns("bra", bra)).isTrue();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        VlinkdProcess second = vlinkd();
        String ready = second.await(l -> l.contains("ready:"), START);
        // Some time later, an event on an owned link: with no valid config there is nothing to repair towards, so
        // nothing is done (it was read as the empty config, and every owned link deleted).
        for (int mtu = 1400; mtu < 1403; mtu++) {
            Thread.sleep(1500); // well past the drift debounce (2 ms): a repair would have run by then
            ns.ip("link", "set", "bra", "mtu", Integer.toString(mtu));
            ns.ip("link", "set", "brb", "down");
        }
        Thread.sleep(1500);
        assertThat(ifindex("bra")).as("bra kept; log:\n%s", second.log()).isEqualTo(bra);
        assertThat(ns.link("brb")).isNotNull();
        assertThat(second.isAlive()).isTrue();
        assertThat(ready).contains("failed: start: config in " + configDir + " rejected: 1 problem; no valid config "
                + "is loaded: vlinkd manages nothing");
        second.await(l -> l.contains("drift (") && l.contains("not repaired"), START);

        // A valid config is taken up as usual.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        int before = second.lineCount();
        second.signal("HUP");
        second.await(before, l -> l.contains("reloaded: converged"), START);
        assertThat(second.stop()).isZero();
    }

    @Test
    void aRemovedConfigDirectoryKeepsEveryLinkAndItsReturnIsRead() throws Exception {
        writeConfig(configDir, "10-a.yaml", "bra");
        VlinkdProcess d = vlinkd();
        d.await(l -> l.contains("ready: converged"), START);
        int bra = ifindex("bra");

        int before = d.lineCount();
        deleteTree(configDir); // rm -rf /etc/vlinkd
        d.await(before, l -> l.contains("reloaded:"), START);
        Thread.sleep(500);
        assertThat(ifindex("bra")).as("bra kept; log:\n%s", d.log()).isEqualTo(bra);
        assertThat(d.await(before, l -> l.contains("rejected"), START))
                .contains("config in " + configDir + " rejected: 1 problem; keeping the running config");

        // Back, whole (a backup moved into place): read, and now it says brb instead of bra.
        Path staged = Files.createDirectories(tmp.resolve("staged"));
        writeConfig(staged, "10-a.yaml", "brb");
        before = d.lineCount();
        Files.move(staged, configDir);
        d.await(before, l -> l.contains("reloaded: converged"), START);
        assertThat(ns.link("brb")).isNotNull();
        assertThat(ns.link("bra")).isNull();
        assertThat(d.stop()).isZero();
    }

    @Test
    void sigtermDuringADriftRepairWaitsForItAndTheLedgerMatchesTheKernel() throws Exception {
        String[] bridges = new String[60];
        for (int i = 0; i < bridges.length; i++) {
            bridges[i] = "br" + i;
        }
        writeConfig(configDir, "10-a.yaml", bridges);
        VlinkdProcess d = vlinkd();
        d.await(l -> l.contains("ready: converged"), START);

        Path batch = tmp.resolve("del.batch");
        Files.write(batch, Stream.of(bridges).map(b -> "link del " + b).toList());
        try (EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_LINK)) {
            ns.ip("-batch", batch.toString());
            // The repair is under way once the kernel reports its first bridge re-made: SIGTERM right then.
            awaitNewLink(events, Set.of(bridges));
            assertThat(d.stop()).isZero();
        }

        Ownership owned = ledger();
        for (String b : bridges) {
            int index = ifindex(b);
            if (index > 0) {
                assertThat(owned.owns(b, index)).as("%s (ifindex %d) re-made and recorded; log:\n%s", b, index,
                        d.log()).isTrue();
            }
        }
    }

    private static void awaitNewLink(EventSocket events, Set<String> names) throws Exception {
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end) {
            for (NlMessage m : events.poll(Duration.ofMillis(100))) {
                if (m.type() == Rtnl.RTM_NEWLINK && names.contains(LinkMessage.decode(m).name())) {
                    return;
                }
            }
        }
        throw new AssertionError("no bridge re-made within " + START);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
