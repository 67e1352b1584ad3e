package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.NeighbourSpec;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code neighbours:}: permanent ARP/NDP entries, each {@code {address: 192.0.2.5, mac: 02:00:00:00:00:05}}. */
public final class NeighbourSection extends EntrySection<NeighbourSpec> {

    private static final Key KEY = new Key("neighbours", null,
            "Permanent neighbour entries of the interface (ip neigh replace ADDRESS lladdr MAC nud permanent, "
                    + "marked with settings.route-protocol as NDA_PROTOCOL): an entry vlinkd added is deleted when "
                    + "it leaves the list; an entry takes the place of the one the kernel learned for its address; "
                    + "permanent entries someone else added are left alone");
    private static final List<Key> ITEM = List.of(
            new Key("address", ValueType.ip(), "NDA_DST: the IPv4 (ARP) or IPv6 (NDP) address of the neighbour"),
            new Key("mac", ValueType.mac(), "NDA_LLADDR: its Ethernet address (not with proxy)"),
            new Key("proxy", ValueType.bool(), "NTF_PROXY: a proxy entry (ip neigh replace proxy ADDRESS): the host "
                    + "answers ARP/NDP for the address on this interface; it has no mac"));

    // After KEY and ITEM, which its constructor reads.
    public static final NeighbourSection SECTION = new NeighbourSection();

    private NeighbourSection() {
        super(KEY, ITEM, List.of("address"), "a neighbour",
                "[{address: 192.0.2.5, mac: 02:00:00:00:00:05}]");
    }






    @Override
    Optional<List<NeighbourSpec>> item(Map<String, Object> values, Mapping item, FileContext ctx, String path,
                                 Entry entry) {
        boolean proxy = Boolean.TRUE.equals(values.get("proxy"));
        if (proxy && values.containsKey("mac")) {
            ctx.add(item.get("mac").orElseThrow().keyNode(), path + ".mac", "a proxy entry has no mac: the host answers "
                    + "with the interface's own");
            return Optional.empty();
        }
        if (!proxy && !values.containsKey("mac")) {
            ctx.add(item.node(), path, "a neighbour needs mac: (NDA_LLADDR: its Ethernet address), or proxy: true");
            return Optional.empty();
        }
        return Optional.of(List.of(new NeighbourSpec((InetAddress) values.get("address"),
                proxy ? null : values.get("mac").toString(), proxy)));
    }

    /** The kernel keys an entry by address and interface (a proxy entry in a table of its own). */
    @Override
    Object identity(NeighbourSpec item) {
        return item.proxy() ? "proxy " + item.address() : item.address();
    }

    @Override
    String describe(NeighbourSpec item) {
        return (item.proxy() ? "proxy neighbour " : "neighbour ") + IpText.format(item.address());
    }
}
