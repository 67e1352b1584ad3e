package io.vlinkd.config;

import io.vlinkd.netlink.route.RouteSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one entry of {@code routes}, with the kernel's rules for gateways, devices and route types. */
final class RouteReader {
    /** Types whose fib_props carry an error: the kernel refuses a gateway or device on them. */
    private static final List<String> NO_NEXTHOP_TYPES = List.of("blackhole", "unreachable", "prohibit", "throw");

    private final FileContext ctx;

    RouteReader(FileContext ctx) {
        this.ctx = ctx;
    }

    Optional<RouteEntry> read(Node item, int index) {
        String indexPath = "routes[" + index + "]";
        Optional<Mapping> read = Mapping.read(item, ctx, indexPath, "a route (a mapping with to:)");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping m = read.get();
        int before = ctx.problemCount();
        Optional<Mapping.Field> toField = m.get("to");
        Optional<Prefix> to = Optional.empty();
        if (toField.isEmpty()) {
            ctx.add(item, indexPath, "a route needs to: (a prefix like 198.51.100.0/24, or default)");
        } else {
            to = destination(toField.get(), indexPath, m);
        }
        final String path = to.isPresent() ? "routes[" + Values.string(toField.get().value()).orElseThrow() + "]"
                : indexPath;
        for (Mapping.Field f : m.fields()) {
            if (!Key.names(Keys.ROUTE).contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), "unknown key"
                        + Near.hint(f.key(), Key.names(Keys.ROUTE)));
            }
        }
        List<Values.Ref> refs = new ArrayList<>();
        Optional<InetAddress> via = value(m, "via", path, refs).map(InetAddress.class::cast);
        Optional<String> dev = value(m, "dev", path, refs).map(String.class::cast);
        Optional<Long> metric = value(m, "metric", path, refs).map(Long.class::cast);
        Optional<Long> table = value(m, "table", path, refs)
                .map(Keys::table);
        Optional<String> scope = value(m, "scope", path, refs).map(String::valueOf);
        Optional<String> type = value(m, "type", path, refs).map(String.class::cast);
        Optional<InetAddress> src = value(m, "src", path, refs).map(InetAddress.class::cast);
        boolean onlink = value(m, "onlink", path, refs).map(Boolean.class::cast).orElse(false);
        Optional<Integer> mtu = value(m, "mtu", path, refs).map(v -> ((Long) v).intValue());
        Optional<String> pref = value(m, "pref", path, refs).map(String.class::cast);
        Optional<Long> nexthopId = value(m, "nexthop-id", path, refs).map(Long.class::cast);
        Optional<Prefix> destination = to;
        List<RouteSpec.Hop> hops = m.get("multipath").map(f -> hops(f.value(), path + ".multipath", destination))
                .orElse(List.of());
        if (m.has("nexthop-id") || m.has("multipath")) {
            // fib_create_info(), rtm_to_fib6_config(): a nexthop object replaces the route's own next hops.
            String by = m.has("nexthop-id") ? "nexthop-id" : "multipath";
            for (String key : m.has("nexthop-id") ? List.of("via", "dev", "multipath", "onlink")
                    : List.of("via", "dev", "onlink")) {
                if (m.has(key)) {
                    ctx.add(m.get(key).orElseThrow().keyNode(), Mapping.join(path, key), "a route with " + by
                            + ": takes no " + key + ":" + (by.equals("multipath") ? " (each path has its own)" : ""));
                }
            }
        }

        if (to.isPresent()) {
            sameFamily(m, "via", via, to.get(), path);
            sameFamily(m, "src", src, to.get(), path);
            if (pref.isPresent() && IpText.bits(to.get().address()) != 128) {
                // RTA_PREF is IPv6's router preference (RFC 4191); IPv4 has none.
                ctx.add(m.get("pref").orElseThrow().keyNode(), path + ".pref", "pref is for IPv6 routes only");
            }
        }
        String t = type.orElse("unicast");
        if (NO_NEXTHOP_TYPES.contains(t) && (via.isPresent() || dev.isPresent() || m.has("multipath")
                || m.has("nexthop-id"))) {
            // fib_create_info(): "Gateway, device and multipath can not be specified for this route type".
            Mapping.Field f = m.get(via.isPresent() ? "via" : dev.isPresent() ? "dev"
                    : m.has("multipath") ? "multipath" : "nexthop-id").orElseThrow();
            ctx.add(f.keyNode(), Mapping.join(path, f.key()), "a " + t + " route takes no via:, dev:, multipath: or "
                    + "nexthop-id:");
        }
        if (t.equals("unicast") && via.isEmpty() && dev.isEmpty() && m.has("to") && !m.has("via")
                && !m.has("dev") && !m.has("multipath") && !m.has("nexthop-id")) {
            ctx.add(item, path, "a unicast route needs via:, dev:, multipath: or nexthop-id:");
        }
        if (onlink && dev.isEmpty() && !m.has("dev")) {
            // fib_check_nh_v4_gw(): "Nexthop device required for onlink".
            ctx.add(m.get("onlink").orElseThrow().keyNode(), path + ".onlink", "onlink needs dev:");
        }
        Optional<Reference> devRef = refs.stream().filter(r -> r.subKey().equals(path + ".dev")).findFirst()
                .map(r -> new Reference("", r.name(), ctx.at(r.node()), r.subKey(), Reference.Role.ROUTE_DEV));
        Optional<DesiredRoute> route = Optional.empty();
        Optional<String> identity = Optional.empty();
        if (to.isPresent()) {
            identity = Optional.of(to.get() + " table " + table.orElse(254L) + " metric " + metric.orElse(0L));
        }
        if (ctx.problemCount() == before && to.isPresent()) {
            route = Optional.of(new DesiredRoute(new RouteSpec(to.get().address(), to.get().length(), via, dev,
                    metric, table, scope, type, src, onlink, mtu, pref, nexthopId, hops), ctx.at(item)));
        }
        return Optional.of(new RouteEntry(route, ctx.at(item), path, identity, devRef));
    }

    /**
     * The paths of {@code multipath:}: each with a gateway of the route's family or a device (onlink needs both),
     * weight 1..256; at least one path.
     */
    private List<RouteSpec.Hop> hops(Node node, String path, Optional<Prefix> to) {
        if (!(node instanceof SequenceNode seq)) {
            ctx.add(node, path, "expected a list of paths like [{ via: 192.0.2.1, dev: eth0, weight: 1 }], got "
                    + Values.describe(node));
            return List.of();
        }
        if (seq.getValue().isEmpty()) {
            ctx.add(node, path, "a multipath route needs at least one path");
            return List.of();
        }
        List<RouteSpec.Hop> out = new ArrayList<>();
        int i = 0;
        for (Node item : seq.getValue()) {
            String itemPath = path + "[" + i++ + "]";
            Optional<Mapping> read = Mapping.read(item, ctx, itemPath, "a path (a mapping with via: or dev:)");
            if (read.isEmpty()) {
                continue;
            }
            Mapping m = read.get();
            Map<String, Object> v = new HashMap<>();
            for (Mapping.Field f : m.fields()) {
                Optional<Key> k = Keys.ROUTE_HOP.stream().filter(x -> x.key().equals(f.key())).findFirst();
                if (k.isEmpty()) {
                    ctx.add(f.keyNode(), Mapping.join(itemPath, f.key()), "unknown key"
                            + Near.hint(f.key(), Key.names(Keys.ROUTE_HOP)));
                } else {
                    Values.read(f.value(), k.get().type(), ctx, Mapping.join(itemPath, f.key()), new ArrayList<>())
                            .ifPresent(x -> v.put(f.key(), x));
                }
            }
            Optional<InetAddress> via = Optional.ofNullable((InetAddress) v.get("via"));
            if (to.isPresent()) {
                sameFamily(m, "via", via, to.get(), itemPath);
            }
            if (!m.has("via") && !m.has("dev")) {
                ctx.add(item, itemPath, "a path needs via: or dev:");
            }
            boolean onlink = Boolean.TRUE.equals(v.get("onlink"));
            if (onlink && !m.has("dev")) {
                ctx.add(m.get("onlink").orElseThrow().keyNode(), itemPath + ".onlink", "onlink needs dev:");
            }
            out.add(new RouteSpec.Hop(via, Optional.ofNullable((String) v.get("dev")),
                    ((Long) v.getOrDefault("weight", 1L)).intValue(), onlink));
        }
        return List.copyOf(out);
    }

    private Optional<Prefix> destination(Mapping.Field f, String path, Mapping m) {
        Optional<String> s = Values.string(f.value());
        if (s.isEmpty()) {
            ctx.add(f.value(), path + ".to", "expected a prefix like 198.51.100.0/24 or default, got "
                    + Values.describe(f.value()));
            return Optional.empty();
        }
        if (s.get().equals("default")) {
            // As ip route: the family follows the gateway or source, else IPv4.
            boolean v6 = m.get("via").or(() -> m.get("src")).flatMap(x -> Values.string(x.value()))
                    .flatMap(IpText::parse).map(a -> IpText.bits(a) == 128).orElse(false);
            return Optional.of(new Prefix(IpText.parse(v6 ? "::" : "0.0.0.0").orElseThrow(), 0));
        }
        Prefix.Parsed parsed = Prefix.parse(s.get(), true);
        if (parsed instanceof Prefix.Parsed.Bad bad) {
            ctx.add(f.value(), path + ".to", bad.message());
            return Optional.empty();
        }
        Prefix p = ((Prefix.Parsed.Ok) parsed).prefix();
        if (IpText.hasHostBits(p.address(), p.length())) {
            // rtm_to_fib_config(): "Invalid prefix for given prefix length".
            ctx.add(f.value(), path + ".to", s.get() + " has host bits set beyond /" + p.length()
                    + "; the kernel refuses it (\"Invalid prefix for given prefix length\")");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private void sameFamily(Mapping m, String key, Optional<InetAddress> a, Prefix to, String path) {
        if (a.isPresent() && IpText.bits(a.get()) != IpText.bits(to.address())) {
            ctx.add(m.get(key).orElseThrow().value(), Mapping.join(path, key), key + " "
                    + IpText.format(a.get()) + " is " + IpText.family(a.get()) + " but the route is "
                    + IpText.family(to.address()));
        }
    }

    private Optional<Object> value(Mapping m, String key, String path, List<Values.Ref> refs) {
        Optional<Mapping.Field> f = m.get(key);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Key k = Keys.ROUTE.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        return Values.read(f.get().value(), k.type(), ctx, Mapping.join(path, key), refs);
    }
}
