package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.route.RequestHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Bridge VLAN requests against the bytes iproute2 6.1's {@code bridge vlan} sends (strace -e write=all, on this
 * host's 6.18 kernel, which refuses them without VLAN filtering after they are sent; br0 = ifindex 2, its port p1 =
 * ifindex 4; sequence numbers zeroed), and a port's VLANs as the kernel reports them, decoded.
 */
class BridgeVlanRequestsTest {

    private static final String HEADER_P1 = "07000000" + "04000000" + "00000000" + "00000000";
    private static final String HEADER_BR0 = "07000000" + "02000000" + "00000000" + "00000000";

    @Test
    void aPortsVlanIsSetlinkWithItsFlagsInAfSpec() {
        // bridge vlan add vid 10 dev p1 pvid untagged
        assertThat(hex(BridgeVlanRequests.add(4, "p1", false, new BridgeVlan(10, true, true)))).isEqualTo(
                "2c000000130005000000000000000000" + HEADER_P1 + "0c001a00" + "08000200" + "06000a00");
        assertThat(BridgeVlanRequests.command("add", "p1", false, new BridgeVlan(10, true, true)))
                .isEqualTo("bridge vlan add vid 10 pvid untagged dev p1");
    }

    @Test
    void theBridgesOwnVlanCarriesBridgeFlagsSelf() {
        // bridge vlan add vid 10 dev br0 self
        assertThat(hex(BridgeVlanRequests.add(2, "br0", true, new BridgeVlan(10, false, false)))).isEqualTo(
                "34000000130005000000000000000000" + HEADER_BR0 + "14001a00" + "0600000002000000" + "08000200"
                        + "00000a00");
        // bridge vlan add vid 10 dev br0 self pvid untagged
        assertThat(hex(BridgeVlanRequests.add(2, "br0", true, new BridgeVlan(10, true, true)))).endsWith(
                "08000200" + "06000a00");
    }

    @Test
    void aDeleteIsDellinkWithTheVidAlone() {
        // bridge vlan del vid 10 dev p1
        assertThat(hex(BridgeVlanRequests.delete(4, "p1", false, new BridgeVlan(10, true, true)))).isEqualTo(
                "2c000000110005000000000000000000" + HEADER_P1 + "0c001a00" + "08000200" + "00000a00");
        // bridge vlan del vid 10 dev br0 self
        assertThat(hex(BridgeVlanRequests.delete(2, "br0", true, new BridgeVlan(10, false, false)))).isEqualTo(
                "34000000110005000000000000000000" + HEADER_BR0 + "14001a00" + "0600000002000000" + "08000200"
                        + "00000a00");
        assertThat(BridgeVlanRequests.command("del", "br0", true, new BridgeVlan(10, true, false)))
                .isEqualTo("bridge vlan del vid 10 dev br0 self");
    }

    @Test
    void aTunnelMappingIsNestedIdVidAndFlags() {
        String info = "20001a00" + "1c000300" + "08000100f2030000" + "060002000a000000" + "0600030000000000";
        // bridge vlan add dev p1 vid 10 tunnel_info id 1010
        assertThat(hex(BridgeVlanRequests.addTunnel(4, "p1", new VlanTunnel(10, 1010)))).isEqualTo(
                "40000000130005000000000000000000" + HEADER_P1 + info);
        // bridge vlan del dev p1 vid 10 tunnel_info id 1010
        assertThat(hex(BridgeVlanRequests.deleteTunnel(4, "p1", new VlanTunnel(10, 1010)))).isEqualTo(
                "40000000110005000000000000000000" + HEADER_P1 + info);
        assertThat(BridgeVlanRequests.command("add", "p1", new VlanTunnel(10, 1010)))
                .isEqualTo("bridge vlan add dev p1 vid 10 tunnel_info id 1010");
    }

    @Test
    void theDumpAsksForEveryVlanOfEveryPort() {
        // bridge vlan show (its second dump; the first, of family 0, only learns the links' names)
        assertThat(hex(BridgeVlanRequests.dump())).isEqualTo(
                "28000000120001030000000000000000" + "07000000000000000000000000000000" + "08001d0002000000");
    }

    @Test
    void aDumpedPortDecodesToEveryVlanAndMapping() throws Exception {
        // As br_fill_ifinfo writes a port for RTEXT_FILTER_BRVLAN: one VLAN_INFO per VLAN, tunnel mappings as a
        // range (br_fill_vlan_tunnel_info compresses them either way).
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 1, 4, 0, 0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, "p1");
        w.putInt(Ifla.IFLA_MASTER, 2);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC)) {
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("06000100"));
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("00000a00"));
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("00000b00"));
            tunnel(w, 10, 1010, Brvlan.BRIDGE_VLAN_INFO_RANGE_BEGIN);
            tunnel(w, 11, 1011, Brvlan.BRIDGE_VLAN_INFO_RANGE_END);
        }
        BridgeVlanMessage m = BridgeVlanMessage.decode(NlMessage.parseOne(w.finish("dump").bytes())).orElseThrow();
        assertThat(m.index()).isEqualTo(4);
        assertThat(m.self()).isFalse();
        assertThat(m.vlans()).containsExactly(new BridgeVlan(1, true, true), new BridgeVlan(10, false, false),
                new BridgeVlan(11, false, false));
        assertThat(m.tunnels()).containsExactly(new VlanTunnel(10, 1010), new VlanTunnel(11, 1011));
    }

    @Test
    void aNotificationsRangeIsExpandedAndTheBridgeIsSelf() throws Exception {
        // br_ifinfo_notify fills with RTEXT_FILTER_BRVLAN_COMPRESSED: VLANs 100-103 as one begin/end pair.
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 1, 2, 0, 0).writeTo(w);
        w.putInt(Ifla.IFLA_MASTER, 2);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC)) {
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("0c006400"));
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("14006700"));
        }
        BridgeVlanMessage m = BridgeVlanMessage.decode(NlMessage.parseOne(w.finish("notify").bytes())).orElseThrow();
        assertThat(m.self()).isTrue();
        assertThat(m.vlans()).extracting(BridgeVlan::toString)
                .containsExactly("vid 100 untagged", "vid 101 untagged", "vid 102 untagged", "vid 103 untagged");
    }

    @Test
    void aLinkMessageOfAnotherFamilyIsNoneOfThem() throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(Rtnl.AF_UNSPEC, 1, 4, 0, 0).writeTo(w);
        assertThat(BridgeVlanMessage.decode(NlMessage.parseOne(w.finish("link").bytes()))).isEmpty();
    }

    private static void tunnel(MessageWriter w, int vid, long id, int flags) {
        try (var t = w.nest(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_INFO)) {
            w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_ID, id);
            w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_VID, vid);
            w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, flags);
        }
    }
}
