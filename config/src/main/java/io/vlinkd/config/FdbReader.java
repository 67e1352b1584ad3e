package io.vlinkd.config;

import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.wire.MacAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@code fdb} list of an interface: a bridge port's static entries {@code {mac, vlan?, sticky?}} (the entry needs
 * {@code master:}), or a VXLAN's remotes {@code {mac, dst, vni?, port?}} (the all-zero MAC: head-end replication).
 */
final class FdbReader {
    private FdbReader() {
    }

    /**
     * @param kindName the entry's kind, null when it has none (an existing interface: a remote is then allowed,
     *                 the kernel refuses it on anything but a VXLAN)
     * @param hasMaster whether the entry has {@code master:}
     */
    static Optional<List<FdbSpec>> read(Node node, FileContext ctx, String path, String kindName, boolean hasMaster) {
        if (!(node instanceof SequenceNode seq)) {
            ctx.add(node, path, "expected a list of FDB entries like [{mac: 02:00:00:00:00:05}] or [{mac: "
                    + "00:00:00:00:00:00, dst: 192.0.2.2}], got " + Values.describe(node));
            return Optional.empty();
        }
        List<FdbSpec> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        boolean ok = true;
        int i = 0;
        for (Node element : seq.getValue()) {
            String key = path + "[" + i++ + "]";
            Optional<FdbSpec> e = entry(element, ctx, key, kindName, hasMaster);
            if (e.isEmpty()) {
                ok = false;
                continue;
            }
            Node first = seen.putIfAbsent(e.get().toString(), element);
            if (first != null) {
                ctx.add(element, key, "FDB entry " + e.get() + " is listed twice (first at line "
                        + ctx.at(first).line() + ")");
                ok = false;
                continue;
            }
            out.add(e.get());
        }
        return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    private static Optional<FdbSpec> entry(Node node, FileContext ctx, String key, String kindName,
                                           boolean hasMaster) {
        Optional<Mapping> m = Mapping.read(node, ctx, key, "an FDB entry");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (Mapping.Field f : m.get().fields()) {
            if (!Key.names(Keys.FDB_ENTRY).contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(key, f.key()), "unknown key"
                        + Near.hint(f.key(), Key.names(Keys.FDB_ENTRY)));
                ok = false;
            }
        }
        Map<String, Object> v = new HashMap<>();
        for (Key k : Keys.FDB_ENTRY) {
            Optional<Mapping.Field> f = m.get().get(k.key());
            if (f.isPresent()) {
                Optional<Object> read = Values.read(f.get().value(), k.type(), ctx, key + "." + k.key(),
                        new ArrayList<>());
                ok &= read.isPresent();
                read.ifPresent(x -> v.put(k.key(), x));
            }
        }
        if (!m.get().has("mac")) {
            ctx.add(node, key, "an FDB entry needs mac: (" + Keys.FDB_ENTRY.get(0).description() + ")");
            return Optional.empty();
        }
        if (!ok) {
            return Optional.empty();
        }
        MacAddress mac = (MacAddress) v.get("mac");
        boolean remote = v.containsKey("dst");
        Node at = m.get().get("mac").orElseThrow().value();
        if (mac.isMulticast()) {
            ctx.add(at, key + ".mac", "a multicast MAC is not an FDB entry (a bridge's multicast groups are its "
                    + "MDB)");
            return Optional.empty();
        }
        if (remote && kindName != null && !kindName.equals("vxlan")) {
            ctx.add(m.get().get("dst").orElseThrow().keyNode(), key + ".dst", "dst: names a VXLAN remote; this "
                    + "entry is a " + kindName);
            return Optional.empty();
        }
        for (String only : List.of("vni", "port")) {
            if (!remote && m.get().has(only)) {
                ctx.add(m.get().get(only).orElseThrow().keyNode(), key + "." + only, only + ": belongs to a VXLAN "
                        + "remote, which needs dst:");
                ok = false;
            }
        }
        for (String only : List.of("vlan", "sticky")) {
            if (remote && m.get().has(only)) {
                ctx.add(m.get().get(only).orElseThrow().keyNode(), key + "." + only, only + ": belongs to a bridge "
                        + "port's entry; a VXLAN remote has dst: and vni:");
                ok = false;
            }
        }
        if (!remote && mac.isZero()) {
            ctx.add(at, key + ".mac", "the all-zero MAC is a VXLAN's default destination and needs dst:");
            ok = false;
        }
        if (!remote && !hasMaster) {
            ctx.add(node, key, "an FDB entry without dst: is a bridge port's and needs the entry's master: (the "
                    + "bridge)");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new FdbSpec(mac, Optional.ofNullable((Long) v.get("vlan")).map(Long::intValue),
                Optional.ofNullable((InetAddress) v.get("dst")), Optional.ofNullable((Long) v.get("vni")),
                Optional.ofNullable((Long) v.get("port")).map(Long::intValue),
                Boolean.TRUE.equals(v.get("sticky"))));
    }
}
