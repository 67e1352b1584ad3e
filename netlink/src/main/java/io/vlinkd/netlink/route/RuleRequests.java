package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code ip rule add|del ... proto P}: RTM_NEWRULE / RTM_DELRULE with a {@code struct fib_rule_hdr} (family,
 * dst_len, src_len, tos, table, two reserved bytes, action, flags) and FRA_* attributes, written as iproute2 6.1
 * writes them (golden/rule/). The protocol marks the rule as vlinkd's; the kernel matches it on a delete, so only a
 * rule of that protocol is removed.
 */
public final class RuleRequests {
    private RuleRequests() {
    }

    /** The header's size. */
    public static final int HEADER = 12;

    public static NlRequest add(RuleSpec r, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        write(w, r, protocol, r.action().number());
        return w.finish("RTM_NEWRULE " + r);
    }

    /** As {@code ip rule del} sends it: a lookup rule's action is left out (0 matches any), another's is given. */
    public static NlRequest delete(RuleSpec r, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELRULE, NLM_F_ACK);
        write(w, r, protocol, r.action() == RuleAction.LOOKUP ? 0 : r.action().number());
        return w.finish("RTM_DELRULE " + r);
    }

    /** {@code ip rule show}, both families. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETRULE, NLM_F_DUMP);
        w.u8(Rtnl.AF_UNSPEC).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0);
        return w.finish("RTM_GETRULE dump");
    }

    /** {@code ip [-6] rule VERB ... proto P}. */
    public static String command(String verb, RuleSpec r, int protocol) {
        return "ip " + (r.family() == Rtnl.AF_INET6 ? "-6 " : "") + "rule " + verb + " " + String.join(" ", r.words())
                + " proto " + protocol;
    }

    private static void write(MessageWriter w, RuleSpec r, int protocol, int action) {
        boolean smallTable = r.action() == RuleAction.LOOKUP && r.table() < 256;
        w.u8(r.family()).u8(r.to().map(RuleSpec.Prefix::length).orElse(0))
                .u8(r.from().map(RuleSpec.Prefix::length).orElse(0)).u8(r.tos())
                .u8(smallTable ? (int) r.table() : 0).u8(0).u8(0).u8(action).u32(0);
        w.putInt(Fra.FRA_PRIORITY, r.priority());
        r.from().ifPresent(p -> w.putAddress(Fra.FRA_SRC, p.address()));
        r.to().ifPresent(p -> w.putAddress(Fra.FRA_DST, p.address()));
        r.iif().ifPresent(i -> w.putString(Fra.FRA_IIFNAME, i));
        r.oif().ifPresent(o -> w.putString(Fra.FRA_OIFNAME, o));
        if (r.fwmark() != 0) {
            w.putInt(Fra.FRA_FWMARK, r.fwmark());
        }
        if (r.fwmask() != defaultMask(r.fwmark())) {
            w.putInt(Fra.FRA_FWMASK, r.fwmask());
        }
        if (r.ipproto() != 0) {
            w.putInt(Fra.FRA_IP_PROTO, r.ipproto());
        }
        r.sport().ifPresent(p -> w.putBytes(Fra.FRA_SPORT_RANGE, u16Pair(p)));
        r.dport().ifPresent(p -> w.putBytes(Fra.FRA_DPORT_RANGE, u16Pair(p)));
        r.uidRange().ifPresent(u -> w.putBytes(Fra.FRA_UID_RANGE, ByteBuffer.allocate(8)
                .order(ByteOrder.nativeOrder()).putInt((int) u.start()).putInt((int) u.end()).array()));
        if (r.l3mdev()) {
            w.putInt(Fra.FRA_L3MDEV, 1);
        }
        if (r.suppressPrefixlength() >= 0) {
            w.putInt(Fra.FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixlength());
        }
        if (r.action() == RuleAction.GOTO) {
            w.putInt(Fra.FRA_GOTO, r.gotoTarget());
        }
        if (r.action() == RuleAction.LOOKUP && !smallTable) {
            w.putInt(Fra.FRA_TABLE, r.table());
        }
        w.putInt(Fra.FRA_PROTOCOL, protocol);
    }

    /** The mask the kernel gives a rule whose mask is not set: all ones with a mark, none without. */
    public static long defaultMask(long fwmark) {
        return fwmark != 0 ? 0xffffffffL : 0;
    }

    private static byte[] u16Pair(RuleSpec.Range r) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) r.start())
                .putShort((short) r.end()).array();
    }
}
