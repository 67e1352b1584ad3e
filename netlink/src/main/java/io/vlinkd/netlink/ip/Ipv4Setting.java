package io.vlinkd.netlink.ip;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.kind.WireNumbers;
import io.vlinkd.netlink.kind.Words;
import java.util.List;
import java.util.Optional;

/**
 * One IPv4 setting of an interface ({@code net.ipv4.conf.NAME.KEY}), as the kernel keeps it in the interface's IPv4
 * devconf: its index ({@code IPV4_DEVCONF_*} in {@code <linux/ip.h>}), which is also the attribute type that sets
 * it in IFLA_AF_SPEC / AF_INET / IFLA_INET_CONF and its slot in the dumped array, and the values it takes.
 *
 * @param key         the YAML key under {@code ipv4:} (the sysctl's name, kebab-case)
 * @param index       IPV4_DEVCONF_*
 * @param type        a bool (0/1), an integer range, or a choice of words ({@code words} gives their numbers)
 * @param words       the numbers of a choice's words; null for other types
 * @param description one line for the schema and the docs
 */
public record Ipv4Setting(String key, int index, ValueType type, Words words, String description) {

    private static Ipv4Setting bool(String key, int index, String description) {
        return new Ipv4Setting(key, index, ValueType.bool(), null, description);
    }

    private static Ipv4Setting choice(String key, int index, Words words, String description) {
        return new Ipv4Setting(key, index, words.choice(), words, description);
    }

    /** Every setting vlinkd manages, in {@code IPV4_DEVCONF_*} order. */
    public static final List<Ipv4Setting> ALL = List.of(
            bool("forwarding", 1, "route packets received on this interface (net.ipv4.conf.NAME.forwarding)"),
            bool("proxy-arp", 3, "answer ARP for addresses this host routes elsewhere"),
            bool("accept-redirects", 4, "accept ICMP redirects"),
            bool("secure-redirects", 5, "accept ICMP redirects only from gateways in the default gateway list"),
            bool("send-redirects", 6, "send ICMP redirects"),
            choice("rp-filter", 8, Words.of("rp-filter-", "off", 0, "strict", 1, "loose", 2),
                    "reverse path filter: off, strict (RFC 3704 strict) or loose; the kernel uses the higher of "
                            + "this and net.ipv4.conf.all.rp_filter"),
            bool("accept-source-route", 9, "accept source-routed packets"),
            bool("log-martians", 11, "log packets with impossible addresses"),
            bool("arp-filter", 13, "answer ARP only on the interface the reply would leave through"),
            new Ipv4Setting("arp-announce", 18, ValueType.integer(0, 2), null,
                    "which source address ARP requests announce: 0 any, 1 avoid other subnets, 2 the best one"),
            new Ipv4Setting("arp-ignore", 19, ValueType.integer(0, 8), null,
                    "which ARP requests to answer: 0 any local address, 1 only the address of this interface, ..."),
            bool("promote-secondaries", 20, "promote a secondary address when its primary is deleted"),
            new Ipv4Setting("arp-accept", 21, ValueType.integer(0, 2), null,
                    "create neighbour entries from gratuitous ARP: 0 no, 1 yes, 2 only for addresses in a subnet"),
            bool("arp-notify", 22, "send gratuitous ARP when the interface comes up or its address changes"),
            bool("accept-local", 23, "accept packets with a local source address"),
            bool("proxy-arp-pvlan", 25, "proxy ARP between hosts of one private VLAN (RFC 3069)"),
            bool("route-localnet", 26, "route 127.0.0.0/8 to and from this interface"),
            bool("ignore-routes-with-linkdown", 29, "ignore routes through this interface while its carrier is down"),
            bool("drop-unicast-in-l2-multicast", 30, "drop IP unicast in link-layer multicast or broadcast"),
            bool("drop-gratuitous-arp", 31, "drop gratuitous ARP"),
            bool("bc-forwarding", 32, "forward directed broadcasts"));

    public static Optional<Ipv4Setting> of(String key) {
        return ALL.stream().filter(s -> s.key.equals(key)).findFirst();
    }

    /** The number the kernel keeps for a config value. */
    public long wire(Object value) {
        return WireNumbers.toWire(value, words);
    }

    /** The config value of a number the kernel reports. */
    public Object value(long wire) {
        return WireNumbers.fromWire(wire, type, words);
    }

    /** {@code net.ipv4.conf.NAME.rp_filter}. */
    public String sysctl(String link) {
        return "net.ipv4.conf." + link + "." + key.replace('-', '_');
    }
}
