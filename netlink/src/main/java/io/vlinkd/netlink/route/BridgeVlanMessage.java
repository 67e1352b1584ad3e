package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.RawAttr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded RTM_NEWLINK / RTM_DELLINK of family AF_BRIDGE: the VLANs and tunnel mappings of one bridge port (or of
 * the bridge itself: no IFLA_MASTER, or its own index) at the time of the message. A dump with RTEXT_FILTER_BRVLAN
 * sends one IFLA_BRIDGE_VLAN_INFO per VLAN; a notification (br_ifinfo_notify) sends ranges of VLANs with the same
 * flags as RANGE_BEGIN/RANGE_END pairs, and the tunnel mappings of a port come as ranges either way: both are
 * expanded here, one object per VLAN.
 *
 * @param index  the port (or bridge)
 * @param master the bridge the port is in; its own index or 0 for the bridge itself
 */
public record BridgeVlanMessage(int index, int master, List<BridgeVlan> vlans, List<VlanTunnel> tunnels) {

    /** Whether the message is about the bridge device itself (its VLANs are {@code self}). */
    public boolean self() {
        return master == 0 || master == index;
    }

    /** The VLANs of {@code m}; empty when it is not a link message of family AF_BRIDGE. */
    public static Optional<BridgeVlanMessage> decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWLINK && m.type() != Rtnl.RTM_DELLINK) {
            return Optional.empty();
        }
        IfInfoMsg hdr = IfInfoMsg.read(m);
        if (hdr.family() != Rtnl.AF_BRIDGE) {
            return Optional.empty();
        }
        Attrs a = m.attributesAfter(IfInfoMsg.LENGTH);
        int master = (int) a.integer(Ifla.IFLA_MASTER, 0);
        List<BridgeVlan> vlans = new ArrayList<>();
        List<VlanTunnel> tunnels = new ArrayList<>();
        Optional<Attrs> spec = a.nested(Ifla.IFLA_AF_SPEC);
        if (spec.isPresent()) {
            int begin = 0;
            long tunnelBegin = 0;
            int tunnelBeginVid = 0;
            for (RawAttr r : spec.get().all()) {
                if (r.type() == Brvlan.IFLA_BRIDGE_VLAN_INFO.type()) {
                    if (r.length() < 4) {
                        throw new MalformedMessageException("IFLA_BRIDGE_VLAN_INFO of " + r.length() + " bytes");
                    }
                    ByteBuffer b = ByteBuffer.wrap(r.buf(), r.offset(), r.length()).order(ByteOrder.nativeOrder());
                    int flags = b.getShort() & 0xffff;
                    int vid = b.getShort() & 0xffff;
                    if ((flags & Brvlan.BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                        begin = vid;
                        continue;
                    }
                    int first = (flags & Brvlan.BRIDGE_VLAN_INFO_RANGE_END) != 0 && begin != 0 ? begin : vid;
                    for (int v = first; v <= vid; v++) {
                        vlans.add(vlan(v, flags));
                    }
                    begin = 0;
                } else if (r.type() == Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_INFO.type()) {
                    Attrs t = Attrs.nested(r);
                    long id = t.integer(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_ID, -1);
                    int vid = (int) t.integer(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_VID, 0);
                    int flags = (int) t.integer(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, 0);
                    if (id < 0 || vid < 1 || vid > 4094) {
                        throw new MalformedMessageException("IFLA_BRIDGE_VLAN_TUNNEL_INFO without its id or vid");
                    }
                    if ((flags & Brvlan.BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                        tunnelBegin = id;
                        tunnelBeginVid = vid;
                        continue;
                    }
                    boolean range = (flags & Brvlan.BRIDGE_VLAN_INFO_RANGE_END) != 0 && tunnelBeginVid != 0;
                    int first = range ? tunnelBeginVid : vid;
                    long firstId = range ? tunnelBegin : id;
                    for (int v = first; v <= vid; v++) {
                        tunnels.add(new VlanTunnel(v, firstId + (v - first)));
                    }
                    tunnelBeginVid = 0;
                }
            }
        }
        return Optional.of(new BridgeVlanMessage(hdr.index(), master, List.copyOf(vlans), List.copyOf(tunnels)));
    }

    private static BridgeVlan vlan(int vid, int flags) throws MalformedMessageException {
        if (vid < 1 || vid > 4094) {
            throw new MalformedMessageException("bridge VLAN " + vid + " out of 1..4094");
        }
        return new BridgeVlan(vid, (flags & Brvlan.BRIDGE_VLAN_INFO_PVID) != 0,
                (flags & Brvlan.BRIDGE_VLAN_INFO_UNTAGGED) != 0);
    }
}
