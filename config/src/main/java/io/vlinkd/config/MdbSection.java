package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.MdbSpec;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mdb:} on a bridge: permanent multicast database entries of its ports, each {@code {port: eth1, group:
 * 239.1.1.1, vlan?: 10}} ({@code bridge mdb add dev BRIDGE port PORT grp GROUP permanent [vid V]}).
 */
public final class MdbSection extends EntrySection<MdbSpec> {

    private static final Key KEY = new Key("mdb", null,
            "Permanent multicast database entries of a bridge (bridge mdb add dev BRIDGE port PORT grp GROUP "
                    + "permanent [vid V]): frames to the group leave only through the listed ports once the bridge "
                    + "snoops multicast and has a querier. An entry vlinkd added is deleted when it leaves the list; "
                    + "snooped (temporary) entries and others' are left alone");
    private static final List<Key> ITEM = List.of(
            new Key("port", ValueType.interfaceName(), "The port of the bridge the group's frames leave through"),
            new Key("group", ValueType.ip(), "The IPv4 or IPv6 multicast group"),
            new Key("vlan", ValueType.integer(1, 4094), "The VLAN of the entry"));

    // After KEY and ITEM, which its constructor reads.
    public static final MdbSection SECTION = new MdbSection();

    private MdbSection() {
        super(KEY, ITEM, List.of("port", "group"), "an MDB entry", "[{port: eth1, group: 239.1.1.1}]");
    }






    @Override
    Optional<List<MdbSpec>> item(Map<String, Object> values, Mapping item, FileContext ctx, String path, Entry entry) {
        if (entry.kindName() != null && !entry.kindName().equals("bridge")) {
            ctx.add(item.node(), path, "mdb: belongs to a bridge; this entry is a " + entry.kindName());
            return Optional.empty();
        }
        if (entry.name().equals(values.get("port"))) {
            // br_mdb_add: a host entry takes no flags, so it expires after the membership interval like a joined one.
            ctx.add(item.get("port").orElseThrow().value(), path + ".port", "port: is a port of the bridge, not the "
                    + "bridge itself (the kernel keeps a host entry only until the membership interval ends)");
            return Optional.empty();
        }
        InetAddress group = (InetAddress) values.get("group");
        if (!group.isMulticastAddress()) {
            ctx.add(item.get("group").orElseThrow().value(), path + ".group", IpText.format(group)
                    + " is not a multicast address");
            return Optional.empty();
        }
        return Optional.of(List.of(new MdbSpec((String) values.get("port"), group,
                Optional.ofNullable((Long) values.get("vlan")).map(Long::intValue))));
    }

    @Override
    Object identity(MdbSpec item) {
        return item;
    }

    @Override
    String describe(MdbSpec item) {
        return "MDB entry " + item;
    }
}
