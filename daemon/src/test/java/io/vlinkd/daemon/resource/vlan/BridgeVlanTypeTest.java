package io.vlinkd.daemon.resource.vlan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.netlink.route.BridgeVlan;
import io.vlinkd.netlink.route.Brvlan;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.route.VlanTunnel;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Bridge VLANs as a resource type: what a port's AF_BRIDGE link message says, which VLAN is the kernel's, and that a
 * port's notification (its whole list) makes the view dump them again. Through the reconciler:
 * BridgeVlanOwnershipTest; the real kernel (lane A, 6.1): BridgeVlanKernelTest.
 */
class BridgeVlanTypeTest {

    /** An AF_BRIDGE link message of port 4 in bridge 2 with VLAN 1 pvid untagged and VLAN 10 tagged. */
    private static NlMessage port(int type) throws Exception {
        MessageWriter w = MessageWriter.request(type, 0);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 1, 4, 0, 0).writeTo(w);
        w.putInt(Ifla.IFLA_MASTER, 2);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC)) {
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("06000100"));
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("00000a00"));
        }
        return NlMessage.parseOne(w.finish("port").bytes());
    }

    @Test
    void bridgeVlansAreARegisteredTypeInTheLinkGroup() {
        assertThat(ResourceTypes.ALL).contains(BridgeVlanType.TYPE);
        assertThat(NetlinkKernelPort.eventGroups()).contains(Rtnl.RTNLGRP_LINK);
        assertThat(BridgeVlanType.TYPE.announcedExactly()).isFalse();
    }

    @Test
    void aDumpedPortGivesEachVlanAndTheDefaultOneIsTheKernels() throws Exception {
        assertThat(BridgeVlanType.TYPE.decodeAll(port(Rtnl.RTM_NEWLINK))).containsExactly(
                new ObservedBridgeVlan(4, false, new BridgeVlan(1, true, true)),
                new ObservedBridgeVlan(4, false, new BridgeVlan(10, false, false)));
        assertThat(BridgeVlanType.TYPE.kernels(new ObservedBridgeVlan(4, false, new BridgeVlan(1, true, true))))
                .isTrue();
        assertThat(BridgeVlanType.TYPE.kernels(new ObservedBridgeVlan(4, false, new BridgeVlan(1, false, true))))
                .as("its pvid flag taken by a configured PVID").isTrue();
        assertThat(BridgeVlanType.TYPE.kernels(new ObservedBridgeVlan(4, false, new BridgeVlan(1, false, false))))
                .as("tagged: not as the kernel makes it").isFalse();
        assertThat(BridgeVlanType.TYPE.kernels(new ObservedBridgeVlan(4, false, new BridgeVlan(10, true, true))))
                .isFalse();
    }

    @Test
    void aPortsTunnelMappingsAreATypeOfTheirOwnFromTheSameMessage() throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 1, 4, 0, 0).writeTo(w);
        w.putInt(Ifla.IFLA_MASTER, 2);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC)) {
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, HexFormat.of().parseHex("00000a00"));
            try (var t = w.nest(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_INFO)) {
                w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_ID, 1010);
                w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_VID, 10);
                w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, 0);
            }
        }
        NlMessage m = NlMessage.parseOne(w.finish("port").bytes());
        assertThat(ResourceTypes.ALL).contains(VlanTunnelType.TYPE);
        assertThat(VlanTunnelType.TYPE.decodeAll(m)).containsExactly(new ObservedVlanTunnel(4, new VlanTunnel(10, 1010)));
        assertThat(BridgeVlanType.TYPE.decodeAll(m)).hasSize(1);
        assertThat(VlanTunnelType.TYPE.inLinkNotification(port(Rtnl.RTM_NEWLINK))).isTrue();
        assertThat(VlanTunnelType.TYPE.announcedExactly()).isFalse();
    }

    @Test
    void aPortsNotificationIsOneOfTheTypesAndAnotherFamilysIsNot() throws Exception {
        assertThat(BridgeVlanType.TYPE.inLinkNotification(port(Rtnl.RTM_NEWLINK))).isTrue();
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(Rtnl.AF_UNSPEC, 1, 4, 0, 0).writeTo(w);
        assertThat(BridgeVlanType.TYPE.inLinkNotification(NlMessage.parseOne(w.finish("link").bytes()))).isFalse();
    }
}
