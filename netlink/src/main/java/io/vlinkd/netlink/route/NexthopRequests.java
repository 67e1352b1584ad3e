package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_REPLACE;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code ip nexthop add|replace|del ... proto P}: RTM_NEWNEXTHOP / RTM_DELNEXTHOP with a {@code struct nhmsg}
 * (family, scope, protocol, reserved, flags) and NHA_* attributes, written as iproute2 6.1 writes them
 * (golden/nexthop/). The protocol marks the nexthop as vlinkd's; the kernel deletes a nexthop by its id alone.
 */
public final class NexthopRequests {
    private NexthopRequests() {
    }

    /** {@code struct nhmsg}'s size. */
    public static final int HEADER = 8;

    /** {@code ip nexthop add}; {@code oif} is the index of {@code n.dev()} (0 when none). */
    public static NlRequest add(NexthopSpec n, int oif, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        write(w, n, oif, protocol);
        return w.finish("RTM_NEWNEXTHOP " + n);
    }

    /**
     * {@code ip nexthop replace}: the nexthop of the same id changes in place (replace_nexthop), and the routes
     * and groups that use it keep it; the kernel refuses to make a group of a single next hop or the reverse.
     */
    public static NlRequest replace(NexthopSpec n, int oif, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE | NLM_F_ACK);
        write(w, n, oif, protocol);
        return w.finish("RTM_NEWNEXTHOP replace " + n);
    }

    /** {@code ip nexthop del id ID}: the kernel removes it from its groups and deletes the routes that use it. */
    public static NlRequest delete(long id) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELNEXTHOP, NLM_F_ACK);
        w.u8(Rtnl.AF_UNSPEC).u8(0).u8(0).u8(0).u32(0);
        w.putInt(Nha.NHA_ID, id);
        return w.finish("RTM_DELNEXTHOP id " + id);
    }

    /** {@code ip nexthop show}. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETNEXTHOP, NLM_F_DUMP);
        w.u8(Rtnl.AF_UNSPEC).u8(0).u8(0).u8(0).u32(0);
        return w.finish("RTM_GETNEXTHOP dump");
    }

    /** {@code ip [-6] nexthop VERB ... proto P}; a delete names the id alone, as the kernel matches it. */
    public static String command(String verb, NexthopSpec n, int protocol) {
        if (verb.equals("del")) {
            return "ip nexthop del id " + n.id();
        }
        return "ip " + (n.family() == Rtnl.AF_INET6 ? "-6 " : "") + "nexthop " + verb + " "
                + String.join(" ", n.words()) + " proto " + protocol;
    }

    private static void write(MessageWriter w, NexthopSpec n, int oif, int protocol) {
        w.u8(n.family()).u8(0).u8(protocol).u8(0).u32(n.onlink() ? Rtnl.RTNH_F_ONLINK : 0);
        w.putInt(Nha.NHA_ID, n.id());
        if (n.isGroup()) {
            ByteBuffer b = ByteBuffer.allocate(8 * n.group().size()).order(ByteOrder.nativeOrder());
            for (NexthopSpec.Member m : n.group()) {
                b.putInt((int) m.id()).put((byte) (m.weight() - 1)).put((byte) 0).putShort((short) 0);
            }
            w.putBytes(Nha.NHA_GROUP, b.array());
            if (n.type() == NexthopSpec.GroupType.RESILIENT) {
                try (var res = w.nestFlagged(Nha.NHA_RES_GROUP)) {
                    w.putInt(Nha.NHA_RES_GROUP_BUCKETS, n.buckets());
                    // clock_t: USER_HZ (100) ticks a second, as iproute2 converts idle_timer
                    w.putInt(Nha.NHA_RES_GROUP_IDLE_TIMER, n.idleTimer() * 100);
                }
                w.putInt(Nha.NHA_GROUP_TYPE, n.type().number());
            }
        }
        if (n.blackhole()) {
            w.putFlag(Nha.NHA_BLACKHOLE);
        }
        n.via().ifPresent(v -> w.putAddress(Nha.NHA_GATEWAY, v));
        if (oif > 0) {
            w.putInt(Nha.NHA_OIF, oif);
        }
        if (n.fdb()) {
            w.putFlag(Nha.NHA_FDB);
        }
    }
}
