package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.List;
import java.util.Optional;

/**
 * A decoded RTM_NEWLINK / RTM_DELLINK message: the common link attributes, plus the kind's raw
 * {@code IFLA_INFO_DATA} for the kind class to decode, plus everything we do not interpret (kept, never fatal).
 *
 * @param kind          IFLA_INFO_KIND, or null for a link without one (a physical NIC, lo)
 * @param infoData      IFLA_INFO_DATA, empty when absent
 * @param slaveKind     IFLA_INFO_SLAVE_KIND (the master's kind, for a port), or null
 * @param linkNetnsId   IFLA_LINK_NETNSID: the peer/parent lives in another namespace with this id, or null
 * @param attrs         every top-level attribute, for what is not decoded here
 */
public record LinkMessage(int messageType, IfInfoMsg header, String name, Integer mtu, MacAddress address,
                          Integer link, Integer master, String alias, Integer txqlen, int operstate, Integer group,
                          Integer linkNetnsId, String kind, Attrs infoData, String slaveKind, Attrs slaveData,
                          LinkStats64 stats, Attrs attrs) {

    public int index() {
        return header.index();
    }

    public int flags() {
        return header.flags();
    }

    public boolean isUp() {
        return (header.flags() & Rtnl.IFF_UP) != 0;
    }

    public String operstateName() {
        return Rtnl.operstateName(operstate);
    }

    public Optional<String> kindName() {
        return Optional.ofNullable(kind);
    }

    /** Top-level attributes this layer does not know (a newer kernel's): kept for display and pass-through. */
    public List<RawAttr> unknownAttributes() {
        return attrs.unknown(Ifla.SPACE);
    }

    /**
     * Whether this notification says the link is gone. An RTM_DELLINK of family AF_BRIDGE is not that: the bridge
     * sends it when a port leaves it (its port record is deleted; the link stays).
     */
    public boolean isDeletion() {
        return messageType == Rtnl.RTM_DELLINK && header.family() != Rtnl.AF_BRIDGE;
    }

    public static LinkMessage decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWLINK && m.type() != Rtnl.RTM_DELLINK) {
            throw new MalformedMessageException("not a link message: " + Rtnl.typeName(m.type()));
        }
        IfInfoMsg hdr = IfInfoMsg.read(m);
        Attrs a = m.attributesAfter(IfInfoMsg.LENGTH);
        String kind = null;
        String slaveKind = null;
        Attrs data = Attrs.empty();
        Attrs slaveData = Attrs.empty();
        Optional<Attrs> info = a.nested(Ifla.IFLA_LINKINFO);
        if (info.isPresent()) {
            kind = info.get().string(Ifla.IFLA_INFO_KIND).orElse(null);
            slaveKind = info.get().string(Ifla.IFLA_INFO_SLAVE_KIND).orElse(null);
            data = info.get().nested(Ifla.IFLA_INFO_DATA).orElse(Attrs.empty());
            slaveData = info.get().nested(Ifla.IFLA_INFO_SLAVE_DATA).orElse(Attrs.empty());
        }
        Optional<RawAttr> stats = a.raw(Ifla.IFLA_STATS64);
        return new LinkMessage(m.type(), hdr,
                a.string(Ifla.IFLA_IFNAME).orElse(null),
                intOrNull(a, Ifla.IFLA_MTU),
                macOrNull(a),
                intOrNull(a, Ifla.IFLA_LINK),
                intOrNull(a, Ifla.IFLA_MASTER),
                a.string(Ifla.IFLA_IFALIAS).orElse(null),
                intOrNull(a, Ifla.IFLA_TXQLEN),
                (int) a.integer(Ifla.IFLA_OPERSTATE, 0),
                intOrNull(a, Ifla.IFLA_GROUP),
                intOrNull(a, Ifla.IFLA_LINK_NETNSID),
                kind, data, slaveKind, slaveData,
                stats.isPresent() ? LinkStats64.read(stats.get()) : null,
                a);
    }

    private static Integer intOrNull(Attrs a, io.vlinkd.netlink.wire.Attr attr) throws MalformedMessageException {
        Optional<Long> v = a.integer(attr);
        return v.isPresent() ? (int) (long) v.get() : null;
    }

    private static MacAddress macOrNull(Attrs a) throws MalformedMessageException {
        // Tunnels report 4- or 16-byte "hardware" addresses (their local IP); only Ethernet ones are MACs.
        Optional<RawAttr> r = a.raw(Ifla.IFLA_ADDRESS);
        if (r.isEmpty() || r.get().length() != 6) {
            return null;
        }
        return a.mac(Ifla.IFLA_ADDRESS).orElse(null);
    }
}
