package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bridge-port:} and {@code bond-port:} on the real kernel (issue 15), with packets: two isolated ports of a
 * bridge do not reach each other but both reach a third; one made non-isolated in place, it does. Each option is
 * read back from {@code ip -d -j link show} (info_slave_data), changed alone when it alone differs, and set again
 * after someone else changed it. Bond ports: lane A (this host's kernel may lack bonding).
 */
class PortSettingsKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    /** br0 with the existing ports pa, pb, pc; pa and pb isolated unless {@code pbIsolated} is false. */
    private static String bridge(boolean pbIsolated, String paLearning) {
        return """
                interfaces:
                  - name: br0
                    kind: bridge
                    state: up
                  - name: pa
                    master: br0
                    state: up
                    bridge-port: { isolated: true, learning: %s, cost: 7 }
                  - name: pb
                    master: br0
                    state: up
                    bridge-port: { isolated: %s, priority: 9 }
                  - name: pc
                    master: br0
                    state: up
                """.formatted(paLearning, pbIsolated);
    }

    private static JsonNode port(TestNamespace ns, String name) {
        return ns.link(name).path("linkinfo").path("info_slave_data");
    }

    /**
     * Whether {@code from} gets an answer from {@code to} to one of three pings: the first may be lost to ARP (in
     * lane A, under emulation, the first ping after an isolated port was opened was).
     */
    private static boolean ping(TestNamespace from, String to) {
        return from.execStatus("ping", "-c", "3", "-i", "0.5", "-W", "2", to) == 0;
    }

    @Test
    void isolatedPortsReachOnlyTheOthersAndEachOptionIsKeptAsConfigured() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("bridge"), "this kernel lacks bridge");
        try (TestNamespace a = TestNamespace.create(); TestNamespace b = TestNamespace.create();
             TestNamespace c = TestNamespace.create()) {
            TestNamespace[] hosts = {a, b, c};
            String[] names = {"a", "b", "c"};
            for (int i = 0; i < 3; i++) {
                ns.ip("link", "add", "p" + names[i], "type", "veth", "peer", "name", "h0", "netns", hosts[i].name());
                hosts[i].ip("addr", "add", "192.168.8." + (i + 1) + "/24", "dev", "h0");
                hosts[i].ip("link", "set", "h0", "up");
            }
            NetlinkKernelPort kernel = fixture.open();
            Reconciler reconciler = KernelFixture.reconciler(kernel, new OwnershipStore(dir.resolve("owned")));

            ApplyResult first = reconciler.apply(Desired.fromYaml(dir, bridge(true, "false")));
            assertThat(first.errors()).isEmpty();
            assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(port(ns, "pa").path("isolated").asBoolean()).isTrue();
            assertThat(port(ns, "pa").path("learning").asBoolean(true)).isFalse();
            assertThat(port(ns, "pa").path("cost").asInt()).isEqualTo(7);
            assertThat(port(ns, "pb").path("priority").asInt()).isEqualTo(9);
            assertThat(port(ns, "pc").path("isolated").asBoolean(true)).isFalse();
            assertThat(ping(a, "192.168.8.3")).as("isolated a to c").isTrue();
            assertThat(ping(b, "192.168.8.3")).as("isolated b to c").isTrue();
            assertThat(ping(a, "192.168.8.2")).as("isolated a to isolated b").isFalse();
            assertThat(reconciler.apply(Desired.fromYaml(dir, bridge(true, "false"))).outcome())
                    .isEqualTo(ApplyResult.Outcome.UNCHANGED);

            ApplyResult open = reconciler.apply(Desired.fromYaml(dir, bridge(false, "false")));
            assertThat(open.kept()).extracting(Step::ipCommand)
                    .containsExactly("ip link set dev pb type bridge_slave isolated off");
            assertThat(ping(a, "192.168.8.2")).as("a to b, no longer isolated").isTrue();

            // Someone else turns learning back on: the next pass sets it off again, and only it.
            ns.ip("link", "set", "dev", "pa", "type", "bridge_slave", "learning", "on");
            ApplyResult repaired = reconciler.apply(Desired.fromYaml(dir, bridge(false, "false")));
            assertThat(repaired.kept()).extracting(Step::ipCommand)
                    .containsExactly("ip link set dev pa type bridge_slave learning off");
            assertThat(port(ns, "pa").path("learning").asBoolean(true)).isFalse();
        }
    }

    @Test
    void aBondPortsQueueIdAndPrioAreSetWhenItJoins() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("bond"), "this kernel lacks bond");
        NetlinkKernelPort kernel = fixture.open();
        Reconciler reconciler = KernelFixture.reconciler(kernel, new OwnershipStore(dir.resolve("owned")));
        String yaml = """
                interfaces:
                  - name: bond0
                    kind: bond
                    bond: { mode: active-backup }
                  - name: e0
                    kind: veth
                    veth: { peer: e1 }
                    master: bond0
                    bond-port: { queue-id: 3, prio: %d }
                """;
        ApplyResult r = reconciler.apply(Desired.fromYaml(dir, yaml.formatted(10)));
        assertThat(r.errors()).isEmpty();
        assertThat(port(ns, "e0").path("queue_id").asInt()).isEqualTo(3);
        assertThat(port(ns, "e0").path("prio").asInt()).isEqualTo(10);

        ApplyResult changed = reconciler.apply(Desired.fromYaml(dir, yaml.formatted(-5)));
        assertThat(changed.kept()).extracting(Step::ipCommand)
                .containsExactly("ip link set dev e0 type bond_slave prio -5");
        assertThat(port(ns, "e0").path("prio").asInt()).isEqualTo(-5);
    }
}
