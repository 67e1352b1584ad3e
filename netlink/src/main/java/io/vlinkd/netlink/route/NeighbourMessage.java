package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;

/**
 * A decoded RTM_NEWNEIGH / RTM_DELNEIGH message.
 *
 * @param address  NDA_DST, or null (an FDB entry of a bridge has none)
 * @param lladdr   NDA_LLADDR as colon-separated hex ({@code 02:00:00:00:00:05}; 4 or 16 bytes on a tunnel), or null
 *                 (an incomplete entry has none)
 * @param protocol NDA_PROTOCOL, 0 when absent
 */
public record NeighbourMessage(int messageType, NdMsg header, InetAddress address, String lladdr, int protocol) {

    public static NeighbourMessage decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWNEIGH && m.type() != Rtnl.RTM_DELNEIGH) {
            throw new MalformedMessageException("not a neighbour message: " + Rtnl.typeName(m.type()));
        }
        NdMsg hdr = NdMsg.read(m);
        Attrs a = m.attributesAfter(NdMsg.LENGTH);
        return new NeighbourMessage(m.type(), hdr, a.address(Nda.NDA_DST).orElse(null),
                a.bytes(Nda.NDA_LLADDR).map(NeighbourSpec::format).orElse(null), (int) a.integer(Nda.NDA_PROTOCOL, 0));
    }

    /** An entry of the IPv4 (ARP) or IPv6 (NDP) table, not of a bridge's FDB nor a proxy entry. */
    public boolean isHostEntry() {
        return (header.family() == Rtnl.AF_INET || header.family() == Rtnl.AF_INET6)
                && (header.flags() & Rtnl.NTF_PROXY) == 0 && address != null;
    }

    /** A proxy entry of the IPv4 or IPv6 table (NTF_PROXY): the host answers for its address. */
    public boolean isProxyEntry() {
        return (header.family() == Rtnl.AF_INET || header.family() == Rtnl.AF_INET6)
                && (header.flags() & Rtnl.NTF_PROXY) != 0 && address != null;
    }

    /** NUD_PERMANENT: added by an administrator, never changed by the kernel (a learned entry is not). */
    public boolean isPermanent() {
        return (header.state() & Rtnl.NUD_PERMANENT) != 0;
    }
}
