package io.vlinkd.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.LoadOptions;
import io.vlinkd.daemon.control.Reply;
import io.vlinkd.daemon.reconcile.DriftWatcher;
import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.Daemon;
import io.vlinkd.daemon.service.Fakes;
import io.vlinkd.daemon.service.DaemonPaths;
import io.vlinkd.daemon.service.LoaderConfig;
import io.vlinkd.daemon.service.ReconcilePort;
import io.vlinkd.daemon.service.ReconcilerBackend;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.socket.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Daemon} wired as {@code vlinkd} wires it (the config loader, the real reconciler backend, its drift
 * watcher handing detections to the daemon's loop), managing a private namespace instead of its own. Where the
 * kernel alone cannot force an interleaving, the reconcile port is wrapped to hold a step open.
 */
class DaemonKernelTest {
    private static final Duration DRIFT_DEBOUNCE = Duration.ofMillis(100);

    @TempDir
    Path tmp;

    private TestNamespace ns;
    private Path configDir;
    private ReconcilerBackend backend;
    private Daemon daemon;
    private DriftWatcher drift;
    private final Fakes.Notifier notifier = new Fakes.Notifier();

    @BeforeEach
    void namespace() throws IOException {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns: runs in the namespace lane");
        ns = TestNamespace.create();
        Assumptions.assumeTrue(ns.supportsKind("bridge"), "this kernel lacks bridge");
        configDir = Files.createDirectories(tmp.resolve("etc"));
        backend = new ReconcilerBackend(Files.createDirectories(tmp.resolve("state")), Netns.named(ns.name()));
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (drift != null) {
            drift.stop();
        }
        if (daemon != null) {
            daemon.stop("test");
            daemon.awaitStop();
        }
        if (backend != null) {
            backend.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    /** Starts the daemon over {@code port} (the backend, or a wrapper of it) with a running drift watcher. */
    private void start(ReconcilePort port) throws Exception {
        daemon = new Daemon(new DaemonPaths(configDir, tmp.resolve("state"), tmp.resolve("run")),
                new LoaderConfig(LoadOptions.secure()), port, notifier);
        drift = backend.driftWatcher(daemon::running, DRIFT_DEBOUNCE, daemon::driftDetected);
        Thread t = new Thread(drift, "vlinkd-drift");
        t.setDaemon(true);
        t.start();
        assertThat(daemon.start().ok()).isTrue();
    }

    private void writeConfig(String... bridges) throws IOException {
        StringBuilder yaml = new StringBuilder("interfaces:\n");
        for (String b : bridges) {
            yaml.append("  - name: ").append(b).append("\n    kind: bridge\n");
        }
        Files.writeString(configDir.resolve("10-a.yaml"), yaml.toString());
    }

    private int ifindex(String name) {
        JsonNode l = ns.link(name);
        return l == null ? -1 : l.get("ifindex").asInt();
    }

    private String lastSummary() {
        return daemon.status(false, (r, json) -> Reply.ok(List.of(r.last().summary()))).out().get(0);
    }

    /**
     * Issue 13 item 1: a reload to a config B deletes A's bridge, and that deletion is drift the watcher reports
     * while the reload is still finishing. The repair must plan against B (the reload's), not against A: it must
     * not re-create A's bridge and delete B's. The wrapper holds the reload open after its apply, so the repair is
     * sure to be asked for before the reload is done.
     */
    @Test
    void aDriftRepairDuringAReloadPlansAgainstTheReloadedConfig() throws Exception {
        SlowAfterApply slow = new SlowAfterApply(backend);
        writeConfig("bra");
        start(slow);
        assertThat(ns.link("bra")).isNotNull();

        writeConfig("brb");
        slow.holdNext(Duration.ofMillis(800)); // well past the drift debounce
        assertThat(daemon.reload("test").exitCode()).isZero();
        int brb = ifindex("brb");
        assertThat(brb).isPositive();
        assertThat(ns.link("bra")).isNull();

        Thread.sleep(1500); // the repair of the reload's own deletion runs, and anything it would set off
        assertThat(ns.link("bra")).as("A's bridge re-created by a repair planned against A").isNull();
        assertThat(ifindex("brb")).as("B's bridge deleted and re-made").isEqualTo(brb);
    }

    /** Issue 12 item 9: a drift repair's outcome is in STATUS= and in {@code vlinkctl status}. */
    @Test
    void aDriftRepairIsInStatusAndStatusLine() throws Exception {
        writeConfig("bra");
        start(backend);
        int old = ifindex("bra");
        ns.ip("link", "del", "bra");
        String expected = "drift repaired (bra changed): applied and verified";
        for (int i = 0; i < 100 && !lastSummary().startsWith(expected); i++) {
            Thread.sleep(50);
        }
        assertThat(lastSummary()).startsWith(expected);
        assertThat(ifindex("bra")).isPositive().isNotEqualTo(old);
        assertThat(notifier.sent).anySatisfy(s -> assertThat(s).startsWith("STATUS converged: " + expected));
    }

    /** Issue 15: a deleted permanent neighbour entry of vlinkd's is drift, re-added by the running daemon. */
    @Test
    void aDeletedNeighbourEntryIsAddedAgain() throws Exception {
        Files.writeString(configDir.resolve("10-a.yaml"), """
                interfaces:
                  - name: bra
                    kind: bridge
                    neighbours: [{ address: 192.0.2.2, mac: "02:00:00:00:00:02" }]
                """);
        start(backend);
        assertThat(ns.ip("neigh", "show", "dev", "bra")).contains("192.0.2.2 lladdr 02:00:00:00:00:02 PERMANENT "
                + "proto 247");
        ns.ip("neigh", "del", "192.0.2.2", "dev", "bra");
        String expected = "drift repaired (a neighbour with vlinkd's protocol changed): applied and verified";
        for (int i = 0; i < 100 && !lastSummary().startsWith(expected); i++) {
            Thread.sleep(50);
        }
        assertThat(lastSummary()).startsWith(expected);
        assertThat(ns.ip("neigh", "show", "dev", "bra")).contains("192.0.2.2 lladdr 02:00:00:00:00:02 PERMANENT");
    }

    /**
     * Issue 15: the running daemon adds again a static FDB entry someone deleted from its port, and sets again a
     * port setting ({@code bridge-port:}) someone changed.
     */
    @Test
    void aDeletedFdbEntryAndAChangedPortSettingAreRepaired() throws Exception {
        Files.writeString(configDir.resolve("10-a.yaml"), """
                interfaces:
                  - name: bra
                    kind: bridge
                  - name: va
                    kind: veth
                    veth: { peer: vb }
                    master: bra
                    bridge-port: { learning: false }
                    fdb: [{ mac: "02:00:00:00:00:10" }]
                """);
        start(backend);
        String entry = "02:00:00:00:00:10 master bra static"; // as bridge fdb show dev va prints it
        assertThat(ns.bridge("fdb", "show", "dev", "va")).contains(entry);
        assertThat(learning("va")).isFalse();

        ns.bridge("fdb", "del", "02:00:00:00:00:10", "dev", "va", "master");
        for (int i = 0; i < 100 && !ns.bridge("fdb", "show", "dev", "va").contains(entry); i++) {
            Thread.sleep(50);
        }
        assertThat(ns.bridge("fdb", "show", "dev", "va")).contains(entry);
        assertThat(lastSummary()).startsWith("drift repaired");

        ns.ip("link", "set", "dev", "va", "type", "bridge_slave", "learning", "on");
        for (int i = 0; i < 100 && learning("va"); i++) {
            Thread.sleep(50);
        }
        assertThat(learning("va")).isFalse();
        assertThat(lastSummary()).startsWith("drift repaired");
    }

    /** Issue 16: the running daemon adds again a policy rule of its own that someone deleted. */
    @Test
    void aDeletedRuleIsAddedAgain() throws Exception {
        Files.writeString(configDir.resolve("10-a.yaml"), """
                rules:
                  - { priority: 100, from: 10.10.0.0/16, table: 100 }
                """);
        start(backend);
        assertThat(ns.ip("rule", "show", "priority", "100")).contains("from 10.10.0.0/16 lookup 100 proto 247");
        ns.ip("rule", "del", "priority", "100");
        for (int i = 0; i < 100 && !ns.ip("rule", "show", "priority", "100").contains("10.10.0.0/16"); i++) {
            Thread.sleep(50);
        }
        assertThat(ns.ip("rule", "show", "priority", "100")).contains("from 10.10.0.0/16 lookup 100 proto 247");
        assertThat(lastSummary()).startsWith("drift repaired (a rule with vlinkd's protocol changed)");
    }

    /**
     * Issue 15: a port's VLAN deleted with {@code bridge vlan del} is added again by the running daemon (the port's
     * AF_BRIDGE RTM_NEWLINK is the drift; the view dumps the VLANs again). Lane A: this host's bridge has no VLAN
     * filtering.
     */
    @Test
    void aDeletedPortVlanIsAddedAgain() throws Exception {
        Assumptions.assumeTrue(ns.supportsKind("bridge", "vlan_filtering", "1"),
                "this kernel's bridge has no VLAN filtering (EOPNOTSUPP on the 6.18 host): runs in lane A");
        Files.writeString(configDir.resolve("10-a.yaml"), """
                interfaces:
                  - name: bra
                    kind: bridge
                    bridge: { vlan-filtering: true }
                  - name: va
                    kind: veth
                    veth: { peer: vb }
                    master: bra
                    vlans: [{ vid: 10, pvid: true, untagged: true }, { vid: 20 }]
                """);
        start(backend);
        assertThat(ns.bridge("vlan", "show", "dev", "va")).containsPattern("\\b10 PVID Egress Untagged")
                .containsPattern("(?m)\\s20\\s*$");

        ns.bridge("vlan", "del", "vid", "20", "dev", "va");
        Pattern vid20 = Pattern.compile("(?m)\\s20\\s*$");
        for (int i = 0; i < 100 && !vid20.matcher(ns.bridge("vlan", "show", "dev", "va")).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(ns.bridge("vlan", "show", "dev", "va")).containsPattern(vid20);
        assertThat(lastSummary()).startsWith("drift repaired");
    }

    /**
     * Issue 16: the running daemon adds again a nexthop of its own that someone deleted, and puts it back in its
     * group (the kernel took it out), so the route through the group has both paths again.
     */
    @Test
    void aDeletedNexthopIsAddedAgainAndPutBackInItsGroup() throws Exception {
        Files.writeString(configDir.resolve("10-a.yaml"), """
                interfaces:
                  - { name: d0, kind: veth, veth: { peer: d1 }, state: up, addresses: [192.0.2.1/24] }
                  - { name: d1, state: up }
                nexthops:
                  - { id: 1, via: 192.0.2.2, dev: d0 }
                  - { id: 2, via: 192.0.2.3, dev: d0 }
                  - { id: 10, group: [ { id: 1 }, { id: 2, weight: 3 } ] }
                routes:
                  - { to: 198.51.100.0/24, nexthop-id: 10 }
                """);
        start(backend);
        assertThat(ns.ip("nexthop", "show", "id", "10")).contains("group 1/2,3", "proto 247");
        ns.ip("nexthop", "del", "id", "1");
        for (int i = 0; i < 100 && !ns.ip("nexthop", "show", "id", "10").contains("group 1/2,3"); i++) {
            Thread.sleep(50);
        }
        assertThat(ns.ip("nexthop", "show", "id", "1")).contains("via 192.0.2.2 dev d0", "proto 247");
        assertThat(ns.ip("nexthop", "show", "id", "10")).contains("group 1/2,3", "proto 247");
        assertThat(ns.ip("route", "show", "198.51.100.0/24")).contains("nhid 10");
        assertThat(lastSummary()).startsWith("drift repaired");
    }

    private boolean learning(String port) {
        return ns.link(port).path("linkinfo").path("info_slave_data").path("learning").asBoolean(true);
    }

    /**
     * Issue 14: a deleted bridge is repaired by a repair scoped to it (the drift watcher names it) that still
     * re-enslaves its port, and restores its address and the route through it.
     */
    @Test
    void aDeletedBridgeIsRecreatedWithItsPortAddressAndRoute() throws Exception {
        Files.writeString(configDir.resolve("10-a.yaml"), """
                interfaces:
                  - name: bra
                    kind: bridge
                    state: up
                    addresses: [192.0.2.1/24]
                  - name: va
                    kind: veth
                    veth: { peer: vb }
                    master: bra
                    state: up
                  - name: brc
                    kind: bridge
                routes:
                  - { to: 203.0.113.0/24, via: 192.0.2.254, dev: bra }
                """);
        start(backend);
        int old = ifindex("bra");
        int brc = ifindex("brc");
        ns.ip("link", "del", "bra");
        // What the summary names is what changed first: the bridge, its address or its port (the kernel announces
        // the address's deletion and the port's release before the bridge's; lane A saw "va changed"). The repair's
        // scope takes what is connected to it either way, which the assertions below check.
        for (int i = 0; i < 100 && !lastSummary().startsWith("drift repaired ("); i++) {
            Thread.sleep(50);
        }
        assertThat(lastSummary()).startsWith("drift repaired (").contains(" changed): applied and verified");
        int bra = ifindex("bra");
        assertThat(bra).isPositive().isNotEqualTo(old);
        assertThat(ns.link("va").get("master").asText()).isEqualTo("bra");
        assertThat(ns.ip("-o", "addr", "show", "dev", "bra")).contains("192.0.2.1/24");
        assertThat(ns.ip("route", "show", "203.0.113.0/24")).contains("via 192.0.2.254 dev bra");
        assertThat(ifindex("brc")).as("untouched").isEqualTo(brc);
    }

    /** The backend, with the return of one apply held back (the reload has applied, but is not done). */
    private static final class SlowAfterApply implements ReconcilePort {
        private final ReconcilePort real;
        private volatile Duration hold;

        SlowAfterApply(ReconcilePort real) {
            this.real = real;
        }

        void holdNext(Duration d) {
            hold = d;
        }

        @Override
        public PlanView plan(DesiredState state, String netns, PlanFormat format) throws BackendUnavailableException {
            return real.plan(state, netns, format);
        }

        @Override
        public Applied apply(DesiredState state, String netns) throws BackendUnavailableException {
            Applied a = real.apply(state, netns);
            Duration d = hold;
            hold = null;
            if (d != null) {
                try {
                    Thread.sleep(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return a;
        }
    }
}
