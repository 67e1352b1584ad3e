package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy routing rule ({@code ip rule}), with the kernel's defaults written out so that a configured rule and a
 * dumped one compare field by field: what the config leaves out is what the kernel reports for it (no source, mark
 * 0, suppress-prefixlength -1...).
 *
 * @param family     AF_INET or AF_INET6
 * @param priority   FRA_PRIORITY (its preference: lower first)
 * @param from       FRA_SRC and the header's src_len; empty: any source
 * @param to         FRA_DST and dst_len; empty: any destination
 * @param iif        FRA_IIFNAME; empty: any input interface
 * @param oif        FRA_OIFNAME
 * @param fwmark     FRA_FWMARK, 0 for none
 * @param fwmask     FRA_FWMASK; the kernel's default is 0xffffffff with a mark, 0 without
 * @param tos        the header's tos (IPv4)
 * @param ipproto    FRA_IP_PROTO, 0 for any
 * @param sport      FRA_SPORT_RANGE; empty: any
 * @param dport      FRA_DPORT_RANGE
 * @param uidRange   FRA_UID_RANGE
 * @param l3mdev     FRA_L3MDEV: look the route up in the table of the VRF of the input or output interface
 * @param suppressPrefixlength FRA_SUPPRESS_PREFIXLEN: ignore a lookup's result whose prefix is this long or
 *                   shorter; -1 for none
 * @param action     what a match does
 * @param table      the table a {@link RuleAction#LOOKUP} looks in (0 with l3mdev)
 * @param gotoTarget the priority a {@link RuleAction#GOTO} jumps to (0 otherwise)
 */
public record RuleSpec(int family, long priority, Optional<Prefix> from, Optional<Prefix> to, Optional<String> iif,
                       Optional<String> oif, long fwmark, long fwmask, int tos, int ipproto, Optional<Range> sport,
                       Optional<Range> dport, Optional<Range> uidRange, boolean l3mdev, long suppressPrefixlength,
                       RuleAction action, long table, long gotoTarget) {

    /** The IP protocols {@code ipproto} names, as /etc/protocols does; others are written as numbers. */
    public static final Map<Integer, String> IP_PROTOCOLS = Map.of(1, "icmp", 6, "tcp", 17, "udp", 58, "ipv6-icmp",
            132, "sctp");

    /** The tables iproute2 names (/usr/share/iproute2/rt_tables). */
    public static final Map<Long, String> TABLE_NAMES = Map.of(253L, "default", 254L, "main", 255L, "local");

    /** An address and a prefix length: {@code 10.1.0.0/16}. */
    public record Prefix(InetAddress address, int length) {
        @Override
        public String toString() {
            return IpText.format(address) + "/" + length;
        }
    }

    /** A range of ports or uids, both ends included. */
    public record Range(long start, long end) {
        @Override
        public String toString() {
            return start == end ? Long.toString(start) : start + "-" + end;
        }
    }

    /** The words after {@code ip rule add}, in the order iproute2 writes the attributes for them. */
    public List<String> words() {
        List<String> w = new ArrayList<>();
        w.add("priority " + priority);
        from.ifPresent(p -> w.add("from " + p));
        to.ifPresent(p -> w.add("to " + p));
        iif.ifPresent(i -> w.add("iif " + i));
        oif.ifPresent(o -> w.add("oif " + o));
        if (fwmark != 0 || fwmask != 0) {
            w.add("fwmark 0x" + Long.toHexString(fwmark) + "/0x" + Long.toHexString(fwmask));
        }
        if (tos != 0) {
            w.add("tos 0x" + Integer.toHexString(tos));
        }
        if (ipproto != 0) {
            w.add("ipproto " + IP_PROTOCOLS.getOrDefault(ipproto, Integer.toString(ipproto)));
        }
        sport.ifPresent(r -> w.add("sport " + r));
        dport.ifPresent(r -> w.add("dport " + r));
        uidRange.ifPresent(r -> w.add("uidrange " + r.start() + "-" + r.end()));
        if (l3mdev) {
            w.add("l3mdev");
        }
        if (suppressPrefixlength >= 0) {
            w.add("suppress_prefixlength " + suppressPrefixlength);
        }
        switch (action) {
            case LOOKUP -> {
                if (table != 0) {
                    w.add("table " + TABLE_NAMES.getOrDefault(table, Long.toString(table)));
                }
            }
            case GOTO -> w.add("goto " + gotoTarget);
            default -> w.add(action.word());
        }
        return w;
    }

    @Override
    public String toString() {
        return (family == Rtnl.AF_INET6 ? "-6 " : "") + String.join(" ", words());
    }
}
