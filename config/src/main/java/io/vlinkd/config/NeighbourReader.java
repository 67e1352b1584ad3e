package io.vlinkd.config;

import io.vlinkd.netlink.route.NeighbourSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@code neighbours} list of an interface: permanent ARP/NDP entries, each
 * {@code {address: 192.0.2.5, mac: 02:00:00:00:00:05}}.
 */
final class NeighbourReader {
    private NeighbourReader() {
    }

    static Optional<List<NeighbourSpec>> read(Node node, FileContext ctx, String path) {
        if (!(node instanceof SequenceNode seq)) {
            ctx.add(node, path, "expected a list of neighbours like [{address: 192.0.2.5, mac: 02:00:00:00:00:05}], "
                    + "got " + Values.describe(node));
            return Optional.empty();
        }
        List<NeighbourSpec> out = new ArrayList<>();
        Map<InetAddress, Node> seen = new HashMap<>();
        boolean ok = true;
        int i = 0;
        for (Node element : seq.getValue()) {
            String key = path + "[" + i++ + "]";
            Optional<NeighbourSpec> n = entry(element, ctx, key);
            if (n.isEmpty()) {
                ok = false;
                continue;
            }
            // The kernel keys a neighbour entry by address and interface: one address has one link-layer address.
            Node first = seen.putIfAbsent(n.get().address(), element);
            if (first != null) {
                ctx.add(element, key, "neighbour " + IpText.format(n.get().address()) + " is listed twice (first at "
                        + "line " + ctx.at(first).line() + ")");
                ok = false;
                continue;
            }
            out.add(n.get());
        }
        return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    private static Optional<NeighbourSpec> entry(Node node, FileContext ctx, String key) {
        Optional<Mapping> m = Mapping.read(node, ctx, key, "a neighbour");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (Mapping.Field f : m.get().fields()) {
            if (!Key.names(Keys.NEIGHBOUR).contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(key, f.key()), "unknown key"
                        + Near.hint(f.key(), Key.names(Keys.NEIGHBOUR)));
                ok = false;
            }
        }
        Optional<Object> address = required(m.get(), Keys.NEIGHBOUR_ADDRESS, node, ctx, key);
        Optional<Object> mac = required(m.get(), Keys.NEIGHBOUR_MAC, node, ctx, key);
        if (!ok || address.isEmpty() || mac.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NeighbourSpec((InetAddress) address.get(), mac.get().toString()));
    }

    private static Optional<Object> required(Mapping m, Key k, Node entry, FileContext ctx, String key) {
        Optional<Mapping.Field> f = m.get(k.key());
        if (f.isEmpty()) {
            ctx.add(entry, key, "a neighbour needs " + k.key() + ": (" + k.description() + ")");
            return Optional.empty();
        }
        return Values.read(f.get().value(), k.type(), ctx, key + "." + k.key(), new ArrayList<>());
    }
}
