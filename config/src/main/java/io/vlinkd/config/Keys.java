package io.vlinkd.config;

import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The config's own keys, in iproute2's words. Kind sections' keys come from each kind's options. */
final class Keys {
    private Keys() {
    }

    /** IFALIASZ is 256 with the NUL. */
    static final int MAX_ALIAS_BYTES = 255;
    /** Ethernet's minimum IPv4 MTU (RFC 791) and the largest an IFLA_MTU of any common driver takes. */
    static final ValueType.Int MTU = ValueType.integer(68, 65535);

    /** A routing table: one of iproute2's names (/etc/iproute2/rt_tables) or a number. */
    static final ValueType TABLE = ValueType.AnyOf.of(ValueType.choice("main", "local", "default"),
            ValueType.integer(1, 0xffffffffL));
    private static final Map<String, Long> TABLE_NUMBERS = Map.of("main", 254L, "local", 255L, "default", 253L);

    /** The number of a {@link #TABLE} value as read: a name's or the number itself. */
    static long table(Object value) {
        return value instanceof Long l ? l : TABLE_NUMBERS.get((String) value);
    }

    static final Key NAME = new Key("name", ValueType.interfaceName(),
            "Interface name (IFLA_IFNAME): at most 15 bytes, no '/', ':' or whitespace");
    static final Key KIND = new Key("kind", new ValueType.Choice(LinkKinds.names()),
            "Link kind to create (IFLA_INFO_KIND); without it the entry configures an interface expected to exist");
    static final Key STATE = new Key("state", ValueType.choice("up", "down", "absent"),
            "Administrative state (ip link set NAME up|down); absent deletes the interface. Default: up for an "
            + "interface vlinkd creates (kind:, or the peer of one); an interface without kind: keeps its state");
    static final Key ADDRESSES = new Key("addresses", null,
            "These addresses (ip addr add, marked with settings.route-protocol as IFA_PROTO); an address vlinkd "
                    + "added is deleted when it leaves the list; an address someone else added is left alone unless "
                    + "addresses-exclusive: true; never deleted: IPv6 link-local addresses (fe80::/10) and dynamic "
                    + "addresses vlinkd did not add (no IFA_F_PERMANENT: SLAAC, DHCP, added with a lifetime); an "
                    + "IPv4 link-local address (169.254.0.0/16) is not protected; leave the key out to leave "
                    + "addresses unmanaged");

    /** The keys of an interface entry: its own, then each {@link EntrySection}'s. */
    static final List<Key> INTERFACE = Stream.concat(Stream.of(
            NAME,
            KIND,
            new Key("mtu", ValueType.integer(16, 65535),
                    "IFLA_MTU: maximum transmission unit in bytes: 68..65535; "
                    + "vcan and vxcan, and the entry for a vxcan's peer: 16 (CAN), 72 (CAN FD) or 76..2060 (CAN XL, "
                    + "kernel 6.2+)"),
            new Key("mac", ValueType.mac(), "IFLA_ADDRESS: unicast Ethernet address (ip link set NAME address)"),
            STATE,
            new Key("master", ValueType.interfaceName(),
                    "IFLA_MASTER: the bridge, bond, team or vrf this interface is a port of"),
            new Key("link", ValueType.interfaceName(), "IFLA_LINK: the parent interface (vlan, macvlan, ...)"),
            new Key("alias", new ValueType.Text(MAX_ALIAS_BYTES), "IFLA_IFALIAS: free-text description"),
            new Key("txqueuelen", ValueType.integer(0, Integer.MAX_VALUE), "IFLA_TXQLEN: transmit queue length"),
            new Key("netns", new ValueType.Text(Names.MAX_NETNS_NAME_BYTES),
                    "IFLA_NET_NS_FD: the named network namespace (/run/netns/NAME) the interface lives in"),
            ADDRESSES,
            new Key("addresses-exclusive", ValueType.bool(), "true: remove every permanent (IFA_F_PERMANENT) "
                    + "address of the interface that addresses: does not list, whoever added it, IPv4 link-local "
                    + "(169.254.0.0/16) included; never IPv6 link-local ones (fe80::/10) nor dynamic ones vlinkd "
                    + "did not add (SLAAC, DHCP, added with a lifetime); default false: remove only addresses "
                    + "vlinkd added"),
            new Key("adopt", ValueType.bool(), "Take over a link of this name and kind that vlinkd did not create "
                    + "(it is then owned: changed as configured, deleted when it leaves the config); without it such "
                    + "a link is refused. Only with kind:")),
            Stream.concat(Stream.concat(PortReader.keys().stream(), Stream.of(Ipv4Reader.KEY)),
                    EntrySections.ALL.stream().map(EntrySection::key))).toList();

    /** Keys an entry with {@code state: absent} may have. */
    static final List<String> ABSENT = List.of("name", "state");

    static final List<Key> ADDRESS = List.of(
            new Key("address", null, "IFA_LOCAL/IFA_ADDRESS with prefix length: 192.0.2.10/24, 2001:db8::10/64"),
            new Key("peer", ValueType.ip(), "IFA_ADDRESS of a point-to-point peer (ip addr add ... peer P)"),
            new Key("valid-lft", lifetime(), "IFA_CACHEINFO valid lifetime in seconds, or forever"),
            new Key("preferred-lft", lifetime(), "IFA_CACHEINFO preferred lifetime in seconds, or forever"),
            new Key("noprefixroute", ValueType.bool(),
                    "IFA_F_NOPREFIXROUTE: the kernel adds no prefix route for the address"));

    static final List<Key> ROUTE = List.of(
            new Key("to", null, "RTA_DST: destination prefix (198.51.100.0/24), an address (host route) or default"),
            new Key("via", ValueType.ip(), "RTA_GATEWAY: next-hop address"),
            new Key("dev", ValueType.interfaceName(), "RTA_OIF: output interface"),
            new Key("metric", ValueType.u32(), "RTA_PRIORITY: route metric (preference)"),
            new Key("table", TABLE, "RTA_TABLE: routing table, a name or 1..4294967295"),
            new Key("scope", ValueType.AnyOf.of(ValueType.choice("global", "universe", "site", "link", "host",
                    "nowhere"), ValueType.u8()), "rtm_scope: global, link, host, site, nowhere or a number"),
            new Key("type", ValueType.choice("unicast", "local", "broadcast", "anycast", "multicast", "blackhole",
                    "unreachable", "prohibit", "throw", "nat"), "rtm_type: route type (default unicast)"),
            new Key("src", ValueType.ip(), "RTA_PREFSRC: preferred source address"),
            new Key("onlink", ValueType.bool(), "RTNH_F_ONLINK: the gateway is on the link even without a prefix"),
            new Key("mtu", MTU, "RTAX_MTU: path MTU of the route"),
            new Key("pref", ValueType.choice("low", "medium", "high"),
                    "RTA_PREF: IPv6 router preference (IPv6 routes only; the kernel's default is medium)"),
            new Key("nexthop-id", ValueType.integer(1, 0xffffffffL), "RTA_NH_ID: the nexthop object or group "
                    + "(nexthops:) the route goes through (ip route add ... nhid N); no via:, dev: or multipath:"),
            new Key("multipath", null, "RTA_MULTIPATH: the route's paths, [{ via, dev, weight, onlink }] (ip route "
                    + "add ... nexthop via V dev D weight W); no via: or dev:"));

    /** One path of a route's {@code multipath:}. */
    static final List<Key> ROUTE_HOP = List.of(
            new Key("via", ValueType.ip(), "The path's gateway"),
            new Key("dev", ValueType.interfaceName(), "The path's device"),
            new Key("weight", ValueType.integer(1, 256), "Its share of the flows, 1..256 (default 1)"),
            new Key("onlink", ValueType.bool(), "RTNH_F_ONLINK: the gateway is on dev: even without a prefix"));

    static final List<Key> SETTINGS = List.of(
            new Key("drift", ValueType.choice("enforce", "report"),
                    "enforce: repair drift of configured objects; report: only log it"),
            new Key("foreign", ValueType.choice("ignore", "report"),
                    "ignore: never look at interfaces the config does not name; report: log each link, address, route, permanent neighbour entry, static FDB entry and MDB entry on a configured interface that vlinkd did not create and the config does not name, once when first seen, and list them in vlinkctl status"),
            new Key("on-error", ValueType.choice("rollback", "isolate"),
                    "rollback: all or nothing; isolate: revert only the failing branch"),
            new Key("route-protocol", ValueType.integer(DaemonSettings.MIN_ROUTE_PROTOCOL, 255),
                    "The number vlinkd marks its routes (rtm_protocol), addresses (IFA_PROTO) and neighbour entries "
                            + "(NDA_PROTOCOL) with, 5..255, "
                            + "default 247; a route is vlinkd's only when it carries this number and the ownership "
                            + "ledger records it"),
            new Key("resync-interval", ValueType.integer(0, 86400),
                    "Seconds between two full reads of the kernel state, each followed by a repair of what it "
                            + "finds (default 600; 0: never). Between them the daemon follows the kernel's "
                            + "notifications, which do not announce every change (an option of a link that is "
                            + "down); a reload always reads everything"));

    static final List<Key> TOP = List.of(
            new Key("interfaces", null, "Interfaces to create, configure or delete"),
            new Key("routes", null, "Routes vlinkd installs and owns"),
            new Key("rules", null, "Policy routing rules vlinkd installs and owns (ip rule)"),
            new Key("nexthops", null, "Nexthop objects and groups vlinkd installs and owns (ip nexthop)"),
            new Key("settings", null, "Daemon policy"));

    static ValueType lifetime() {
        // 0xffffffff is INFINITY_LIFE_TIME: written as "forever".
        return ValueType.AnyOf.of(ValueType.choice("forever"), ValueType.integer(0, 0xfffffffeL));
    }

    static List<String> interfaceKeyNames(String kindName) {
        List<String> out = new ArrayList<>(Key.names(INTERFACE));
        if (kindName != null) {
            out.add(kindName);
        }
        return out;
    }
}
