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
 * A decoded RTM_NEWNEXTHOP / RTM_DELNEXTHOP: the nexthop (its device left empty: {@code oif} is its index), its
 * protocol (who made it) and whether vlinkd can write it at all.
 *
 * @param oif NHA_OIF, 0 when none (a group, a blackhole, an FDB nexthop)
 */
public record NexthopMessage(NexthopSpec nexthop, int oif, int protocol) {

    /**
     * The nexthop of a message; empty for one vlinkd does not write: with an encapsulation (NHA_ENCAP, {@code ip
     * nexthop add ... encap mpls}) or a group type of a newer kernel.
     */
    public static Optional<NexthopMessage> decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWNEXTHOP && m.type() != Rtnl.RTM_DELNEXTHOP) {
            throw new MalformedMessageException("not a nexthop message: " + Rtnl.typeName(m.type()));
        }
        int family = m.u8(0);
        int protocol = m.u8(2);
        long flags = m.u32(4) & 0xffffffffL;
        Attrs a = m.attributesAfter(NexthopRequests.HEADER);
        long id = a.integer(Nha.NHA_ID, 0);
        if (a.has(Nha.NHA_ENCAP)) {
            return Optional.empty();
        }
        boolean fdb = a.flag(Nha.NHA_FDB);
        Optional<RawAttr> group = a.raw(Nha.NHA_GROUP);
        NexthopSpec n;
        if (group.isPresent()) {
            Optional<NexthopSpec.GroupType> type = NexthopSpec.GroupType.of(
                    (int) a.integer(Nha.NHA_GROUP_TYPE, Nha.NEXTHOP_GRP_TYPE_MPATH));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            List<NexthopSpec.Member> members = members(group.get());
            if (type.get() == NexthopSpec.GroupType.RESILIENT) {
                Attrs res = a.nested(Nha.NHA_RES_GROUP).orElse(Attrs.empty());
                n = NexthopSpec.resilient(id, members, (int) res.integer(Nha.NHA_RES_GROUP_BUCKETS, 0),
                        res.integer(Nha.NHA_RES_GROUP_IDLE_TIMER, 0) / 100);
            } else {
                n = NexthopSpec.group(id, members, fdb);
            }
        } else if (a.flag(Nha.NHA_BLACKHOLE)) {
            n = NexthopSpec.blackhole(id, family);
        } else {
            // Only onlink is the operator's; the kernel adds RTNH_F_LINKDOWN and RTNH_F_DEAD as the carrier goes.
            n = NexthopSpec.single(id, family, a.address(Nha.NHA_GATEWAY), Optional.empty(),
                    (flags & Rtnl.RTNH_F_ONLINK) != 0, fdb);
        }
        return Optional.of(new NexthopMessage(n, (int) a.integer(Nha.NHA_OIF, 0), protocol));
    }

    /** {@code struct nexthop_grp}s: u32 id, u8 weight - 1, u8 weight_high (the high byte of a 6.12+ weight). */
    private static List<NexthopSpec.Member> members(RawAttr r) throws MalformedMessageException {
        if (r.length() % 8 != 0) {
            throw new MalformedMessageException("NHA_GROUP has " + r.length() + " bytes, not a multiple of 8");
        }
        ByteBuffer b = ByteBuffer.wrap(r.buf(), r.offset(), r.length()).order(ByteOrder.nativeOrder());
        List<NexthopSpec.Member> out = new ArrayList<>();
        for (int i = 0; i < r.length() / 8; i++) {
            long id = b.getInt() & 0xffffffffL;
            int low = b.get() & 0xff;
            int high = b.get() & 0xff;
            b.getShort();
            out.add(new NexthopSpec.Member(id, (high << 8 | low) + 1));
        }
        return List.copyOf(out);
    }
}
