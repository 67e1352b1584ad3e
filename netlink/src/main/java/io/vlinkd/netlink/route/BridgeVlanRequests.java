package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds a bridge's VLAN requests as iproute2 6.1's {@code bridge vlan} sends them (strace): an AF_BRIDGE
 * ifinfomsg naming the port (or the bridge), then IFLA_AF_SPEC with IFLA_BRIDGE_FLAGS (BRIDGE_FLAGS_SELF, for the
 * bridge itself only) and IFLA_BRIDGE_VLAN_INFO or IFLA_BRIDGE_VLAN_TUNNEL_INFO. RTM_SETLINK adds a VLAN or changes
 * its flags in place (br_vlan_add on an existing VLAN sets its flags); RTM_DELLINK removes it.
 */
public final class BridgeVlanRequests {
    private BridgeVlanRequests() {
    }

    /** {@code bridge vlan add vid VID dev DEV [pvid] [untagged] [self]}; also how a VLAN's flags change. */
    public static NlRequest add(int index, String dev, boolean self, BridgeVlan v) {
        return vlan(Rtnl.RTM_SETLINK, index, self, v.flags(), v.vid(),
                "RTM_SETLINK bridge vlan add " + v + " dev " + dev + (self ? " self" : ""));
    }

    /** {@code bridge vlan del vid VID dev DEV [self]}. */
    public static NlRequest delete(int index, String dev, boolean self, BridgeVlan v) {
        // iproute2 sends no flags with a delete: the kernel finds the VLAN by its vid.
        return vlan(Rtnl.RTM_DELLINK, index, self, 0, v.vid(),
                "RTM_DELLINK bridge vlan del vid " + v.vid() + " dev " + dev + (self ? " self" : ""));
    }

    /** {@code bridge vlan add dev PORT vid VID tunnel_info id ID}. */
    public static NlRequest addTunnel(int index, String dev, VlanTunnel t) {
        return tunnel(Rtnl.RTM_SETLINK, index, t, "RTM_SETLINK bridge vlan add dev " + dev + " " + t);
    }

    /** {@code bridge vlan del dev PORT vid VID tunnel_info id ID}: the mapping goes, the VLAN stays. */
    public static NlRequest deleteTunnel(int index, String dev, VlanTunnel t) {
        return tunnel(Rtnl.RTM_DELLINK, index, t, "RTM_DELLINK bridge vlan del dev " + dev + " " + t);
    }

    /**
     * {@code bridge vlan show} (and {@code tunnelshow}): one RTM_NEWLINK of family AF_BRIDGE per bridge port and
     * per bridge, each VLAN in an IFLA_BRIDGE_VLAN_INFO of its own, a port's tunnel mappings beside them.
     */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETLINK, NLM_F_DUMP);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 0, 0, 0, 0).writeTo(w);
        w.putInt(Ifla.IFLA_EXT_MASK, Brvlan.RTEXT_FILTER_BRVLAN);
        return w.finish("RTM_GETLINK bridge vlan dump");
    }

    /** The equivalent {@code bridge vlan} command of {@code verb} ({@code add}, {@code del}). */
    public static String command(String verb, String dev, boolean self, BridgeVlan v) {
        return "bridge vlan " + verb + " " + (verb.equals("del") ? "vid " + v.vid() : v) + " dev " + dev
                + (self ? " self" : "");
    }

    /** The equivalent {@code bridge vlan} command of {@code verb} for a tunnel mapping. */
    public static String command(String verb, String dev, VlanTunnel t) {
        return "bridge vlan " + verb + " dev " + dev + " " + t;
    }

    private static NlRequest vlan(int type, int index, boolean self, int flags, int vid, String summary) {
        MessageWriter w = MessageWriter.request(type, NLM_F_ACK);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 0, index, 0, 0).writeTo(w);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC)) {
            if (self) {
                w.putInt(Brvlan.IFLA_BRIDGE_FLAGS, Brvlan.BRIDGE_FLAGS_SELF);
            }
            w.putBytes(Brvlan.IFLA_BRIDGE_VLAN_INFO, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
                    .putShort((short) flags).putShort((short) vid).array());
        }
        return w.finish(summary);
    }

    private static NlRequest tunnel(int type, int index, VlanTunnel t, String summary) {
        MessageWriter w = MessageWriter.request(type, NLM_F_ACK);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 0, index, 0, 0).writeTo(w);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC); var info = w.nest(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_INFO)) {
            w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_ID, t.tunnelId());
            w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_VID, t.vid());
            w.putInt(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, 0);
        }
        return w.finish(summary);
    }
}
