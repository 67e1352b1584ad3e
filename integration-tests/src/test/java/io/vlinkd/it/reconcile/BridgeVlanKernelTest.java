package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vlans:} on the real kernel (issue 15), with packets: examples/vlan-aware-bridge.yaml carries VLAN 10
 * between its access port and the trunk, VLAN 20 between the other access port and the trunk, and VLAN 20 no more
 * once the trunk's list drops it; a bridge's own VLAN ({@code self}), the kernel's default VLAN replaced when vid 1
 * is listed, someone else's VLAN left alone. {@code bridge vlan show} is the oracle. Needs a bridge with VLAN
 * filtering: this host's 6.18 kernel has none (EOPNOTSUPP), so it runs in lane A (Debian 6.1).
 */
class BridgeVlanKernelTest {
    static final String NO_FILTERING = "this kernel's bridge has no VLAN filtering (ip link add type bridge "
            + "vlan_filtering 1: EOPNOTSUPP on the 6.18 host): runs in lane A";

    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    private TestNamespace filtering() {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("bridge", "vlan_filtering", "1"), NO_FILTERING);
        return ns;
    }

    /** {@code port} here, its other end {@code host0} in {@code host}, both up. */
    private static void port(TestNamespace ns, String port, TestNamespace host) {
        ns.ip("link", "add", port, "type", "veth", "peer", "name", "host0", "netns", host.name());
        ns.ip("link", "set", port, "up");
        host.ip("link", "set", "host0", "up");
    }

    private static boolean ping(TestNamespace ns, String to) {
        return ns.execStatus("ping", "-c", "1", "-W", "2", to) == 0;
    }

    /** {@code bridge vlan show dev DEV} as it prints it (one line per VLAN after the first). */
    private static String vlans(TestNamespace ns, String dev) {
        return ns.bridge("vlan", "show", "dev", dev);
    }

    @Test
    void theExampleCarriesEachVlanOnlyBetweenItsPorts() throws Exception {
        TestNamespace ns = filtering();
        try (TestNamespace a = TestNamespace.create(); TestNamespace b = TestNamespace.create();
             TestNamespace t = TestNamespace.create()) {
            port(ns, "eth1", a);
            port(ns, "eth2", b);
            port(ns, "eth3", t);
            a.ip("addr", "add", "10.10.0.1/24", "dev", "host0");
            b.ip("addr", "add", "10.20.0.2/24", "dev", "host0");
            // The trunk's host sends and receives VLANs 10 and 20 tagged, on VLAN devices of its end.
            for (String vid : new String[] {"10", "20"}) {
                Assumptions.assumeTrue(t.ipStatus("link", "add", "link", "host0", "name", "host0." + vid, "type",
                        "vlan", "id", vid) == 0, "this kernel lacks vlan");
                t.ip("addr", "add", "10." + vid + ".0.3/24", "dev", "host0." + vid);
                t.ip("link", "set", "host0." + vid, "up");
            }
            NetlinkKernelPort port = fixture.open();
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler reconciler = KernelFixture.reconciler(port, store);

            String example = Files.readString(Path.of("../examples/vlan-aware-bridge.yaml"));
            ApplyResult r = reconciler.apply(Desired.fromYaml(dir, example));
            assertThat(r.errors()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(vlans(ns, "eth1")).containsPattern("\\b10 PVID Egress Untagged");
            assertThat(vlans(ns, "eth3")).containsPattern("(?m)\\s10\\s*$").containsPattern("(?m)\\s20\\s*$");
            assertThat(ping(a, "10.10.0.3")).as("VLAN 10: access port to trunk").isTrue();
            assertThat(ping(b, "10.20.0.3")).as("VLAN 20: access port to trunk").isTrue();
            assertThat(reconciler.apply(Desired.fromYaml(dir, example)).outcome())
                    .isEqualTo(ApplyResult.Outcome.UNCHANGED);

            String trunkOf10 = example.replace("vlans: [{ vid: 10 }, { vid: 20 }]", "vlans: [{ vid: 10 }]");
            ApplyResult less = reconciler.apply(Desired.fromYaml(dir, trunkOf10));
            assertThat(less.kept()).extracting(Step::ipCommand).containsExactly("bridge vlan del vid 20 dev eth3");
            assertThat(ping(b, "10.20.0.3")).as("VLAN 20 is no longer on the trunk").isFalse();
            assertThat(ping(a, "10.10.0.3")).as("VLAN 10 still").isTrue();

            String none = example.replaceAll("(?m)^    vlans: .*\\n", "");
            assertThat(reconciler.apply(Desired.fromYaml(dir, none)).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(vlans(ns, "eth1")).as("the kernel's default VLAN stays").containsPattern("\\b1 Egress Untagged")
                    .doesNotContainPattern("\\b10\\b");
            assertThat(Files.readString(store.file())).doesNotContain("\nvlan ");
        }
    }

    @Test
    void aBridgesOwnVlanTheDefaultVlanListedAndSomeoneElsesVlan() throws Exception {
        TestNamespace ns = filtering();
        try (TestNamespace a = TestNamespace.create()) {
            port(ns, "eth1", a);
            NetlinkKernelPort port = fixture.open();
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler reconciler = KernelFixture.reconciler(port, store);
            String config = """
                    interfaces:
                      - name: br0
                        kind: bridge
                        bridge: { vlan-filtering: true }
                        vlans: [{ vid: 10, untagged: true }]
                      - name: eth1
                        master: br0
                        vlans: [{ vid: 1 }]
                    """;
            ApplyResult r = reconciler.apply(Desired.fromYaml(dir, config));
            assertThat(r.errors()).isEmpty();
            assertThat(r.kept()).extracting(Step::ipCommand).contains("bridge vlan add vid 10 untagged dev br0 self",
                    "bridge vlan add vid 1 dev eth1");
            assertThat(vlans(ns, "br0")).containsPattern("\\b10 Egress Untagged");
            assertThat(vlans(ns, "eth1")).as("the default VLAN, listed, is replaced in place")
                    .containsPattern("(?m)\\s1\\s*$").doesNotContain("PVID");
            assertThat(reconciler.apply(Desired.fromYaml(dir, config)).outcome())
                    .isEqualTo(ApplyResult.Outcome.UNCHANGED);

            assertThat(ns.execStatus("bridge", "vlan", "add", "vid", "30", "dev", "eth1")).isZero();
            ApplyResult gone = reconciler.apply(Desired.fromYaml(dir, config.replaceAll("(?m)^    vlans: .*\\n", "")));
            assertThat(gone.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                    "bridge vlan del vid 10 dev br0 self", "bridge vlan del vid 1 dev eth1");
            assertThat(vlans(ns, "eth1")).as("someone else's").containsPattern("\\b30\\b");
            assertThat(vlans(ns, "br0")).doesNotContainPattern("\\b10\\b");
            assertThat(Files.readString(store.file())).doesNotContain("\nvlan ");
        }
    }

    /**
     * {@code vlan-tunnel:} on a metadata VXLAN port of a VLAN-aware bridge: mappings added after their VLANs, one
     * moved to another tunnel id (deleted and added), all deleted when they leave the config, the VLANs staying.
     */
    @Test
    void aVxlanPortsVlanTunnelMappings() throws Exception {
        TestNamespace ns = filtering();
        Assumptions.assumeTrue(ns.supportsKind("vxlan", "external", "dstport", "4789"), "this kernel lacks vxlan");
        NetlinkKernelPort port = fixture.open();
        OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
        Reconciler reconciler = KernelFixture.reconciler(port, store);
        String config = """
                interfaces:
                  - name: br0
                    kind: bridge
                    bridge: { vlan-filtering: true }
                  - name: vx0
                    kind: vxlan
                    vxlan: { external: true, dstport: 4789 }
                    master: br0
                    bridge-port: { vlan-tunnel: true }
                    vlans: [{ vid: 10 }, { vid: 20 }]
                    vlan-tunnel: [{ vid: 10, tunnel-id: 1010 }, { vid: 20, tunnel-id: 1020 }]
                """;
        ApplyResult r = reconciler.apply(Desired.fromYaml(dir, config));
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(ns.bridge("vlan", "tunnelshow", "dev", "vx0")).containsPattern("\\b10\\s+1010\\b")
                .containsPattern("\\b20\\s+1020\\b");
        assertThat(reconciler.apply(Desired.fromYaml(dir, config)).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);

        ApplyResult moved = reconciler.apply(Desired.fromYaml(dir, config.replace(
                "[{ vid: 10, tunnel-id: 1010 }, { vid: 20, tunnel-id: 1020 }]", "[{ vid: 10, tunnel-id: 1011 }]")));
        assertThat(moved.kept()).extracting(Step::ipCommand).containsExactly(
                "bridge vlan del dev vx0 vid 10 tunnel_info id 1010", "bridge vlan del dev vx0 vid 20 tunnel_info id 1020",
                "bridge vlan add dev vx0 vid 10 tunnel_info id 1011");
        assertThat(ns.bridge("vlan", "tunnelshow", "dev", "vx0")).containsPattern("\\b10\\s+1011\\b")
                .doesNotContain("1020");

        reconciler.apply(Desired.fromYaml(dir, config.replaceAll("(?m)^    vlan-tunnel: .*\\n", "")));
        assertThat(ns.bridge("vlan", "tunnelshow", "dev", "vx0")).doesNotContain("1011");
        assertThat(vlans(ns, "vx0")).containsPattern("(?m)\\s20\\s*$");
        assertThat(Files.readString(store.file())).doesNotContain("\nvlan-tunnel ");
    }
}
