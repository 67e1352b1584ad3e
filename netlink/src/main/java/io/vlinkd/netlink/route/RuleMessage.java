package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.RawAttr;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A decoded RTM_NEWRULE / RTM_DELRULE: the rule, its protocol (FRA_PROTOCOL, 0 on a kernel before 4.17) and its
 * flags ({@code FIB_RULE_*}: detached interfaces, inverted match).
 */
public record RuleMessage(RuleSpec rule, int protocol, long flags) {

    /** FIB_RULE_INVERT: {@code ip rule add not ...}, which vlinkd does not configure. */
    public static final long FIB_RULE_INVERT = 0x2;

    /** The rule of a message; empty for an action vlinkd does not know (a newer kernel's). */
    public static Optional<RuleMessage> decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWRULE && m.type() != Rtnl.RTM_DELRULE) {
            throw new MalformedMessageException("not a rule message: " + Rtnl.typeName(m.type()));
        }
        int family = m.u8(0);
        int dstLen = m.u8(1);
        int srcLen = m.u8(2);
        int tos = m.u8(3);
        int headerTable = m.u8(4);
        // 0 (FR_ACT_UNSPEC) is how ip rule del, and vlinkd's delete, leave a lookup's action out.
        Optional<RuleAction> action = m.u8(7) == 0 ? Optional.of(RuleAction.LOOKUP) : RuleAction.of(m.u8(7));
        long flags = m.u32(8) & 0xffffffffL;
        if (action.isEmpty()) {
            return Optional.empty();
        }
        Attrs a = m.attributesAfter(RuleRequests.HEADER);
        long fwmark = a.integer(Fra.FRA_FWMARK, 0);
        RuleSpec rule = new RuleSpec(family, a.integer(Fra.FRA_PRIORITY, 0),
                prefix(a.address(Fra.FRA_SRC), srcLen), prefix(a.address(Fra.FRA_DST), dstLen),
                a.string(Fra.FRA_IIFNAME), a.string(Fra.FRA_OIFNAME), fwmark,
                a.integer(Fra.FRA_FWMASK, RuleRequests.defaultMask(fwmark)), tos,
                (int) a.integer(Fra.FRA_IP_PROTO, 0), u16Pair(a.raw(Fra.FRA_SPORT_RANGE)),
                u16Pair(a.raw(Fra.FRA_DPORT_RANGE)), u32Pair(a.raw(Fra.FRA_UID_RANGE)),
                a.integer(Fra.FRA_L3MDEV, 0) != 0, suppress(a), action.get(),
                action.get() == RuleAction.LOOKUP ? a.integer(Fra.FRA_TABLE, headerTable) : 0,
                a.integer(Fra.FRA_GOTO, 0));
        return Optional.of(new RuleMessage(rule, (int) a.integer(Fra.FRA_PROTOCOL, 0), flags));
    }

    /** The kernel reports "none" as 0xffffffff (-1 as the s32 iproute2 prints). */
    private static long suppress(Attrs a) throws MalformedMessageException {
        long v = a.integer(Fra.FRA_SUPPRESS_PREFIXLEN, 0xffffffffL);
        return v == 0xffffffffL ? -1 : v;
    }

    private static Optional<RuleSpec.Prefix> prefix(Optional<InetAddress> address, int length) {
        return address.map(x -> new RuleSpec.Prefix(x, length));
    }

    private static Optional<RuleSpec.Range> u16Pair(Optional<RawAttr> r) throws MalformedMessageException {
        if (r.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer b = payload(r.get(), 4);
        return Optional.of(new RuleSpec.Range(b.getShort() & 0xffff, b.getShort() & 0xffff));
    }

    private static Optional<RuleSpec.Range> u32Pair(Optional<RawAttr> r) throws MalformedMessageException {
        if (r.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer b = payload(r.get(), 8);
        return Optional.of(new RuleSpec.Range(b.getInt() & 0xffffffffL, b.getInt() & 0xffffffffL));
    }

    private static ByteBuffer payload(RawAttr r, int length) throws MalformedMessageException {
        if (r.length() < length) {
            throw new MalformedMessageException("rule attribute " + r.type() + " has " + r.length() + " bytes, not "
                    + length);
        }
        return ByteBuffer.wrap(r.buf(), r.offset(), length).order(ByteOrder.nativeOrder());
    }
}
