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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fdb:} on the real kernel (issue 15), with packets: a VXLAN's remotes are head-end replication (three
 * namespaces reach each other over one VXLAN, configured by examples/vxlan-head-end-replication.yaml; removing a
 * remote stops traffic to it), and a bridge port's static
 * entry decides where frames to its MAC go (pointed at the wrong port, a ping fails; corrected in place, it
 * passes). {@code bridge -j fdb} is the oracle.
 */
class FdbKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    /** vx0 in this namespace, learning nothing, with the all-zero MAC's remotes {@code dsts}. */
    private static String vxlan(String... dsts) {
        StringBuilder sb = new StringBuilder("""
                interfaces:
                  - name: vx0
                    kind: vxlan
                    vxlan: { id: 42, dstport: 4789, learning: false }
                    addresses: [192.168.42.1/24]
                    fdb:
                """);
        for (String d : dsts) {
            sb.append("      - { mac: \"00:00:00:00:00:00\", dst: ").append(d).append(" }\n");
        }
        return dsts.length == 0 ? sb.toString().replace("    fdb:\n", "") : sb.toString();
    }

    /** A far VTEP in {@code far}: underlay veth from here, its own vx0 to this namespace, an address on it. */
    private static void farVtep(TestNamespace ns, TestNamespace far, String name, int subnet, int host) {
        ns.ip("link", "add", name, "type", "veth", "peer", "name", "u0", "netns", far.name());
        ns.ip("addr", "add", "10.0." + subnet + ".1/24", "dev", name);
        ns.ip("link", "set", name, "up");
        far.ip("addr", "add", "10.0." + subnet + "." + host + "/24", "dev", "u0");
        far.ip("link", "set", "u0", "up");
        far.ip("link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "remote",
                "10.0." + subnet + ".1", "dev", "u0");
        far.ip("addr", "add", "192.168.42." + host + "/24", "dev", "vx0");
        far.ip("link", "set", "vx0", "up");
    }

    private static boolean ping(TestNamespace ns, String to) {
        return ns.execStatus("ping", "-c", "1", "-W", "2", to) == 0;
    }

    @Test
    void vxlanRemotesReplicateToEveryVtepAndARemovedOneGetsNothing() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("vxlan", "id", "1", "dstport", "4789"), "this kernel lacks vxlan");
        try (TestNamespace b = TestNamespace.create(); TestNamespace c = TestNamespace.create()) {
            farVtep(ns, b, "ub", 1, 2);
            farVtep(ns, c, "uc", 2, 3);
            NetlinkKernelPort port = fixture.open();
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler reconciler = KernelFixture.reconciler(port, store);

            // The example as shipped (vxlan: { remotes: [...] }): its remotes are B's and C's underlay addresses.
            String example = Files.readString(Path.of("../examples/vxlan-head-end-replication.yaml"));
            ApplyResult r = reconciler.apply(Desired.fromYaml(dir, example));
            assertThat(r.errors()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(remotes(ns)).containsExactly("10.0.1.2", "10.0.2.3");
            assertThat(ping(ns, "192.168.42.2")).as("to B over the first remote").isTrue();
            assertThat(ping(ns, "192.168.42.3")).as("to C over the second remote").isTrue();
            assertThat(reconciler.apply(Desired.fromYaml(dir, vxlan("10.0.1.2", "10.0.2.3"))).outcome())
                    .as("remotes: is the same as the test's own fdb: entries").isEqualTo(ApplyResult.Outcome.UNCHANGED);

            ApplyResult less = reconciler.apply(Desired.fromYaml(dir, vxlan("10.0.1.2")));
            assertThat(less.kept()).extracting(Step::ipCommand).containsExactly(
                    "bridge fdb del 00:00:00:00:00:00 dst 10.0.2.3 dev vx0 self");
            assertThat(ping(ns, "192.168.42.2")).as("B still").isTrue();
            assertThat(ping(ns, "192.168.42.3")).as("C, whose remote left the config").isFalse();

            // Someone else's remote stays when vlinkd's go.
            assertThat(ns.execStatus("bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "vx0", "dst",
                    "10.0.2.3", "self", "permanent")).isZero();
            assertThat(reconciler.apply(Desired.fromYaml(dir, vxlan())).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(remotes(ns)).containsExactly("10.0.2.3");
            assertThat(Files.readString(store.file())).doesNotContain("\nfdb ");
        }
    }

    /** The remotes of vx0's all-zero MAC ({@code bridge -j fdb show dev vx0}), sorted. */
    private static List<String> remotes(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : ns.bridgeJson("fdb", "show", "dev", "vx0")) {
            if (e.get("mac").asText().equals("00:00:00:00:00:00") && e.has("dst")) {
                out.add(e.get("dst").asText());
            }
        }
        return out.stream().sorted().toList();
    }

    /**
     * br0 here with ports pb (to B, whose host answers at 192.168.7.2) and pc (to C); a sticky static entry for B's
     * MAC on the wrong port sends the frames to it into C, and the bridge cannot move it: no ping passes. The entry
     * corrected to pb (delete on pc, add on pb), pings pass.
     */
    @Test
    void aStickyPortEntryDecidesWhereFramesToItsMacGo() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("bridge"), "this kernel lacks bridge");
        try (TestNamespace b = TestNamespace.create(); TestNamespace c = TestNamespace.create()) {
            ns.ip("link", "add", "pb", "type", "veth", "peer", "name", "hb", "netns", b.name());
            ns.ip("link", "add", "pc", "type", "veth", "peer", "name", "hc", "netns", c.name());
            b.ip("addr", "add", "192.168.7.2/24", "dev", "hb");
            b.ip("link", "set", "hb", "up");
            c.ip("link", "set", "hc", "up");
            String mac = b.link("hb").get("address").asText();
            NetlinkKernelPort port = fixture.open();
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler reconciler = KernelFixture.reconciler(port, store);

            ApplyResult wrong = reconciler.apply(Desired.fromYaml(dir, bridge(mac, "pc")));
            assertThat(wrong.errors()).isEmpty();
            assertThat(wrong.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ns.bridgeJson("fdb", "show", "dev", "pc").toString()).contains("\"mac\":\"" + mac + "\"",
                    "\"sticky\"", "\"state\":\"static\"");
            assertThat(ping(ns, "192.168.7.2")).as("frames to B's MAC go to C").isFalse();
            assertThat(ns.bridgeJson("fdb", "show", "dev", "pc").toString()).as("not moved by learning")
                    .contains("\"mac\":\"" + mac + "\"");

            ApplyResult right = reconciler.apply(Desired.fromYaml(dir, bridge(mac, "pb")));
            assertThat(right.kept()).extracting(Step::operation).containsExactlyInAnyOrder(
                    "delete fdb entry " + mac + " sticky", "add fdb entry " + mac + " sticky");
            assertThat(ping(ns, "192.168.7.2")).as("frames to B's MAC go to B").isTrue();
        }
    }

    /** br0 with an address, pb and pc its ports, and a sticky entry for {@code mac} on {@code on}. */
    private static String bridge(String mac, String on) {
        return "interfaces:\n"
                + "  - name: br0\n    kind: bridge\n    addresses: [192.168.7.1/24]\n"
                + "  - name: pb\n    master: br0\n    state: up\n"
                + (on.equals("pb") ? "    fdb: [{ mac: \"" + mac + "\", sticky: true }]\n" : "")
                + "  - name: pc\n    master: br0\n    state: up\n"
                + (on.equals("pc") ? "    fdb: [{ mac: \"" + mac + "\", sticky: true }]\n" : "");
    }
}
