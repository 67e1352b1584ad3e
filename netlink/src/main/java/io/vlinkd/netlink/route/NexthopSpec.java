package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A nexthop object ({@code ip nexthop}): one next hop ({@code id 1 via 192.0.2.1 dev d0}, a blackhole, or an FDB
 * nexthop of a VXLAN's remote) or a group of them ({@code id 10 group 1/2,3 [type resilient]}), with the kernel's
 * defaults written out so that a configured nexthop and a dumped one compare field by field.
 *
 * @param id        NHA_ID, 1..2^32-1: how routes ({@code nhid}) and groups name it
 * @param family    AF_INET or AF_INET6 for one next hop (its gateway's family; a device-only or blackhole one says
 *                  which routes may use it), AF_UNSPEC for a group
 * @param via       NHA_GATEWAY
 * @param dev       NHA_OIF's interface, by name
 * @param onlink    RTNH_F_ONLINK in nh_flags: the gateway is on the device even without a matching address
 * @param blackhole NHA_BLACKHOLE: drops what it is given
 * @param fdb       NHA_FDB: a nexthop (or group) of bridge FDB entries, not of routes
 * @param group     NHA_GROUP's members, in order; empty for one next hop
 * @param type      NHA_GROUP_TYPE of a group
 * @param buckets   NHA_RES_GROUP_BUCKETS of a resilient group (the kernel's default 128), 0 otherwise
 * @param idleTimer NHA_RES_GROUP_IDLE_TIMER of a resilient group in seconds (the kernel's default 120), 0 otherwise
 */
public record NexthopSpec(long id, int family, Optional<InetAddress> via, Optional<String> dev, boolean onlink,
                          boolean blackhole, boolean fdb, List<Member> group, GroupType type, int buckets,
                          long idleTimer) {

    /** The kernel's number of buckets of a resilient group without one (nh_check_attr_group: 128). */
    public static final int DEFAULT_BUCKETS = 128;
    /** The kernel's idle timer of a resilient group without one, in seconds (120). */
    public static final long DEFAULT_IDLE_TIMER = 120;

    /** One member of a group: a nexthop's id and its weight, 1..256 (sent as weight - 1). */
    public record Member(long id, int weight) {
        @Override
        public String toString() {
            return weight == 1 ? Long.toString(id) : id + "," + weight;
        }
    }

    /** A group's type in iproute2's words. */
    public enum GroupType {
        /** Hash-threshold: a flow goes to a next hop by its hash, the weights sizing each one's share. */
        MPATH("mpath", Nha.NEXTHOP_GRP_TYPE_MPATH),
        /** Resilient: flows are kept in buckets that move to another next hop only when theirs goes away or idles. */
        RESILIENT("resilient", Nha.NEXTHOP_GRP_TYPE_RES);

        private final String word;
        private final int number;

        GroupType(String word, int number) {
            this.word = word;
            this.number = number;
        }

        public String word() {
            return word;
        }

        public int number() {
            return number;
        }

        public static Optional<GroupType> ofWord(String w) {
            for (GroupType t : values()) {
                if (t.word.equals(w)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        public static Optional<GroupType> of(int number) {
            for (GroupType t : values()) {
                if (t.number == number) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** One next hop: a gateway, a device, or both. */
    public static NexthopSpec single(long id, int family, Optional<InetAddress> via, Optional<String> dev,
                                     boolean onlink, boolean fdb) {
        return new NexthopSpec(id, family, via, dev, onlink, false, fdb, List.of(), GroupType.MPATH, 0, 0);
    }

    public static NexthopSpec blackhole(long id, int family) {
        return new NexthopSpec(id, family, Optional.empty(), Optional.empty(), false, true, false, List.of(),
                GroupType.MPATH, 0, 0);
    }

    /** A hash-threshold group. */
    public static NexthopSpec group(long id, List<Member> members, boolean fdb) {
        return new NexthopSpec(id, Rtnl.AF_UNSPEC, Optional.empty(), Optional.empty(), false, false, fdb,
                List.copyOf(members), GroupType.MPATH, 0, 0);
    }

    public static NexthopSpec resilient(long id, List<Member> members, int buckets, long idleTimer) {
        return new NexthopSpec(id, Rtnl.AF_UNSPEC, Optional.empty(), Optional.empty(), false, false, false,
                List.copyOf(members), GroupType.RESILIENT, buckets, idleTimer);
    }

    public boolean isGroup() {
        return !group.isEmpty();
    }

    /** This nexthop on {@code dev} (a dumped one's NHA_OIF by name). */
    public NexthopSpec withDev(Optional<String> dev) {
        return new NexthopSpec(id, family, via, dev, onlink, blackhole, fdb, group, type, buckets, idleTimer);
    }

    /** The words after {@code ip nexthop add}, in the order iproute2 writes the attributes for them. */
    public List<String> words() {
        List<String> w = new ArrayList<>();
        w.add("id " + id);
        if (isGroup()) {
            w.add("group " + group.stream().map(Member::toString).collect(Collectors.joining("/")));
            if (type == GroupType.RESILIENT) {
                w.add("type resilient buckets " + buckets + " idle_timer " + idleTimer);
            }
        }
        if (blackhole) {
            w.add("blackhole");
        }
        via.ifPresent(v -> w.add("via " + IpText.format(v)));
        dev.ifPresent(d -> w.add("dev " + d));
        if (onlink) {
            w.add("onlink");
        }
        if (fdb) {
            w.add("fdb");
        }
        return w;
    }

    @Override
    public String toString() {
        return (family == Rtnl.AF_INET6 ? "-6 " : "") + String.join(" ", words());
    }
}
