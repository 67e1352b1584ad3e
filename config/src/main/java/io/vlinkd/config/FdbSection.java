package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.wire.MacAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fdb:}: a bridge port's static entries {@code {mac, vlan?, sticky?}} (the entry needs {@code master:}), or a
 * VXLAN's remotes {@code {mac, dst, vni?, port?}} (the all-zero MAC's remotes: head-end replication).
 */
public final class FdbSection extends EntrySection<FdbSpec> {

    private static final Key KEY = new Key("fdb", null,
            "Forwarding database entries: on a bridge port, static entries (bridge fdb replace MAC dev PORT master "
                    + "static [vlan V] [sticky]); on a VXLAN, remotes (bridge fdb append MAC dev VXLAN dst IP [vni N] "
                    + "[port P] self permanent; MAC 00:00:00:00:00:00 with several remotes is head-end replication). "
                    + "An entry vlinkd added is deleted when it leaves the list; learned entries and others' are "
                    + "left alone");
    private static final List<Key> ITEM = List.of(
            new Key("mac", ValueType.mac(), "NDA_LLADDR: the destination MAC; 00:00:00:00:00:00 on a VXLAN is the "
                    + "default destination (broadcast, unknown unicast, multicast)"),
            new Key("vlan", ValueType.integer(1, 4094), "NDA_VLAN: the VLAN of a bridge port's entry; the bridge "
                    + "needs VLAN filtering (vlan-filtering: true; the kernel refuses it otherwise, EINVAL)"),
            new Key("dst", ValueType.ip(), "NDA_DST: the remote VTEP of a VXLAN entry"),
            new Key("vni", ValueType.integer(0, 0xffffff), "NDA_VNI: the VNI to send with (default: the VXLAN's id)"),
            new Key("port", ValueType.integer(1, 65535), "NDA_PORT: the remote UDP port (default: the VXLAN's "
                    + "dstport)"),
            new Key("sticky", ValueType.bool(), "NTF_STICKY: a bridge port's entry stays on its port even when the "
                    + "bridge sees the MAC on another (default false: the bridge moves it)"));

    // After KEY and ITEM, which its constructor reads.
    public static final FdbSection SECTION = new FdbSection();

    private FdbSection() {
        super(KEY, ITEM, List.of("mac"), "an FDB entry",
                "[{mac: 02:00:00:00:00:05}] or [{mac: 00:00:00:00:00:00, dst: 192.0.2.2}]");
    }

    /** {@code vxlan: { remotes: [A, B] }}: the all-zero MAC's remotes, head-end replication to each. */
    @Override
    Optional<Shorthand<FdbSpec>> shorthand() {
        return Optional.of(new Shorthand<>("vxlan", new Key("remotes", new ValueType.ListOf(ValueType.ip()),
                "Remote VTEPs to send broadcast, unknown unicast and multicast to (head-end replication): short for "
                        + "fdb: entries { mac: 00:00:00:00:00:00, dst: IP }, one per address"),
                value -> ((List<?>) value).stream().map(ip -> new FdbSpec(MacAddress.parse("00:00:00:00:00:00"), Optional.empty(),
                        Optional.of((InetAddress) ip), Optional.empty(), Optional.empty(), false)).toList()));
    }

    /**
     * An entry with {@code dst:} is a VXLAN remote ({@code vni:} and {@code port:} go with it); one without is a
     * bridge port's ({@code vlan:} and {@code sticky:} go with it) and needs the entry's {@code master:}.
     */
    @Override
    Optional<List<FdbSpec>> item(Map<String, Object> values, Mapping item, FileContext ctx, String path, Entry entry) {
        MacAddress mac = (MacAddress) values.get("mac");
        boolean remote = values.containsKey("dst");
        org.snakeyaml.engine.v2.nodes.Node at = item.get("mac").orElseThrow().value();
        if (mac.isMulticast()) {
            ctx.add(at, path + ".mac", "a multicast MAC is not an FDB entry (a bridge's multicast groups are its "
                    + "MDB)");
            return Optional.empty();
        }
        if (remote && entry.kindName() != null && !entry.kindName().equals("vxlan")) {
            ctx.add(item.get("dst").orElseThrow().keyNode(), path + ".dst", "dst: names a VXLAN remote; this "
                    + "entry is a " + entry.kindName());
            return Optional.empty();
        }
        boolean ok = true;
        for (String only : remote ? List.of("vlan", "sticky") : List.of("vni", "port")) {
            if (item.has(only)) {
                ctx.add(item.get(only).orElseThrow().keyNode(), path + "." + only, only + (remote
                        ? ": belongs to a bridge port's entry; a VXLAN remote has dst: and vni:"
                        : ": belongs to a VXLAN remote, which needs dst:"));
                ok = false;
            }
        }
        if (!remote && mac.isZero()) {
            ctx.add(at, path + ".mac", "the all-zero MAC is a VXLAN's default destination and needs dst:");
            ok = false;
        }
        if (!remote && !entry.hasMaster()) {
            ctx.add(item.node(), path, "an FDB entry without dst: is a bridge port's and needs the entry's master: "
                    + "(the bridge)");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(List.of(new FdbSpec(mac, Optional.ofNullable((Long) values.get("vlan")).map(Long::intValue),
                Optional.ofNullable((InetAddress) values.get("dst")), Optional.ofNullable((Long) values.get("vni")),
                Optional.ofNullable((Long) values.get("port")).map(Long::intValue),
                Boolean.TRUE.equals(values.get("sticky")))));
    }

    /** Every setting is the entry's identity (see {@code FdbKey}): its text says them all. */
    @Override
    Object identity(FdbSpec item) {
        return item.toString();
    }

    @Override
    String describe(FdbSpec item) {
        return "FDB entry " + item;
    }
}
