package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.vlan.BridgeVlanType;
import io.vlinkd.daemon.resource.vlan.VlanTunnelType;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.route.BridgeVlan;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code vlans:} through the whole reconciler: a port's and a bridge's own VLANs added and recorded, left alone when
 * unchanged, their flags changed in place, deleted one by one when they leave the config; the kernel's default VLAN
 * and someone else's stay unless listed, and a failed apply puts every VLAN back. The real kernel (lane A, 6.1),
 * with packets: BridgeVlanKernelTest.
 */
class BridgeVlanOwnershipTest extends OverFakeKernel.WithRealKinds {

    private static String yaml(String portVlans, String bridgeVlans) {
        return "interfaces:\n"
                + "  - name: br0\n    kind: bridge\n    bridge: { vlan-filtering: true }\n"
                + (bridgeVlans == null ? "" : "    vlans: " + bridgeVlans + "\n")
                + "  - name: v0\n    kind: veth\n    veth: { peer: v1 }\n    master: br0\n"
                + (portVlans == null ? "" : "    vlans: " + portVlans + "\n");
    }

    /** Each VLAN as {@code DEV vid V [pvid] [untagged] [self]}. */
    private List<String> vlans() {
        ObservedState s = kernel.observe();
        return s.objects(BridgeVlanType.TYPE).stream().map(v -> s.nameOf(v.index()) + " " + v.vlan()
                + (v.self() ? " self" : "")).sorted().toList();
    }

    @Test
    void addsRecordsKeepsChangesInPlaceAndDeletesOneByOne() throws Exception {
        String three = "[{ vid: 10, pvid: true, untagged: true }, { vid: \"20-21\" }]";
        ApplyResult first = reconciler.apply(config(yaml(three, "[{ vid: 10 }]")));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(first.kept()).extracting(Step::ipCommand).contains(
                "bridge vlan add vid 10 pvid untagged dev v0", "bridge vlan add vid 20 dev v0",
                "bridge vlan add vid 10 dev br0 self");
        assertThat(vlans()).containsExactly("br0 vid 10 self", "v0 vid 10 pvid untagged", "v0 vid 20", "v0 vid 21");
        assertThat(Files.readString(store.file())).contains("\nvlan v0 ", " 21\n", "\nvlan br0 ");

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(yaml(three, "[{ vid: 10 }]"))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        ApplyResult changed = reconciler.apply(config(yaml("[{ vid: 10 }, { vid: 20, pvid: true }]", null)));
        assertThat(changed.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                "bridge vlan add vid 10 dev v0", "bridge vlan add vid 20 pvid dev v0",
                "bridge vlan del vid 21 dev v0", "bridge vlan del vid 10 dev br0 self");
        assertThat(vlans()).containsExactly("v0 vid 10", "v0 vid 20 pvid");

        reconciler.apply(config(yaml(null, null)));
        assertThat(vlans()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nvlan ");
    }

    @Test
    void theKernelsDefaultVlanAndSomeoneElsesStayUnlessVid1IsListed() throws Exception {
        reconciler.apply(config(yaml(null, null)));
        kernel.addForeignVlan("v0", false, new BridgeVlan(1, true, true));
        kernel.addForeignVlan("v0", false, new BridgeVlan(30, false, false));

        reconciler.apply(config(yaml("[{ vid: 10 }]", null)));
        reconciler.apply(config(yaml(null, null)));
        assertThat(vlans()).containsExactly("v0 vid 1 pvid untagged", "v0 vid 30");

        ApplyResult listed = reconciler.apply(config(yaml("[{ vid: 1, untagged: true }, { vid: 30, pvid: true }]",
                null)));
        assertThat(listed.kept()).extracting(Step::ipCommand).containsExactly("bridge vlan add vid 1 untagged dev v0");
        assertThat(listed.plan().notes()).anyMatch(n -> n.contains("bridge vid 30 on v0 exists, not installed by vlinkd"));
        assertThat(vlans()).containsExactly("v0 vid 1 untagged", "v0 vid 30");
    }

    /** vx0, a metadata VXLAN port of br0 with VLANs 10 and 20, mapped to tunnel ids by {@code tunnels}. */
    private static String tunnelled(String tunnels) {
        return "interfaces:\n"
                + "  - name: br0\n    kind: bridge\n    bridge: { vlan-filtering: true }\n"
                + "  - name: vx0\n    kind: vxlan\n    vxlan: { external: true, dstport: 4789 }\n    master: br0\n"
                + "    bridge-port: { vlan-tunnel: true }\n    vlans: [{ vid: 10 }, { vid: 20 }]\n"
                + (tunnels == null ? "" : "    vlan-tunnel: " + tunnels + "\n");
    }

    private List<String> tunnels() {
        ObservedState s = kernel.observe();
        return s.objects(VlanTunnelType.TYPE).stream().map(t -> s.nameOf(t.index()) + " " + t.tunnel()).sorted()
                .toList();
    }

    @Test
    void tunnelMappingsAreAddedAfterTheirVlansChangedByDeleteAndAddAndDeleted() throws Exception {
        ApplyResult first = reconciler.apply(config(tunnelled("[{ vid: 10, tunnel-id: 1010 }, { vid: 20, "
                + "tunnel-id: 1020 }]")));
        assertThat(first.errors()).isEmpty();
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(tunnels()).containsExactly("vx0 vid 10 tunnel_info id 1010", "vx0 vid 20 tunnel_info id 1020");
        assertThat(Files.readString(store.file())).contains("\nvlan-tunnel vx0 ");
        assertThat(reconciler.apply(config(tunnelled("[{ vid: 10, tunnel-id: 1010 }, { vid: 20, "
                + "tunnel-id: 1020 }]"))).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);

        ApplyResult changed = reconciler.apply(config(tunnelled("[{ vid: 10, tunnel-id: 1011 }]")));
        assertThat(changed.kept()).extracting(Step::ipCommand).containsExactly(
                "bridge vlan del dev vx0 vid 10 tunnel_info id 1010", "bridge vlan del dev vx0 vid 20 tunnel_info id 1020",
                "bridge vlan add dev vx0 vid 10 tunnel_info id 1011");
        assertThat(tunnels()).containsExactly("vx0 vid 10 tunnel_info id 1011");
        assertThat(vlans()).containsExactly("vx0 vid 10", "vx0 vid 20");

        reconciler.apply(config(tunnelled(null)));
        assertThat(tunnels()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nvlan-tunnel ");
    }

    @Test
    void aFailedApplyPutsEveryVlanBack() throws Exception {
        reconciler.apply(config(yaml("[{ vid: 10, pvid: true, untagged: true }, { vid: 20 }]", null)));
        List<String> before = vlans();

        kernel.failWrite(3, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(yaml("[{ vid: 10 }, { vid: 30, pvid: true }, { vid: 40 }]",
                null)));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(vlans()).isEqualTo(before);
    }
}
