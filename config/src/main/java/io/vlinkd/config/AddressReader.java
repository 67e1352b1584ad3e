package io.vlinkd.config;

import io.vlinkd.netlink.route.AddressSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@code addresses} list of an interface: each entry {@code "192.0.2.10/24"} or
 * {@code {address: 10.0.0.1/32, peer: 10.0.0.2, valid-lft: 3600, preferred-lft: 1800}}.
 */
final class AddressReader {
    private AddressReader() {
    }

    static Optional<List<AddressSpec>> read(Node node, FileContext ctx, String path) {
        if (!(node instanceof SequenceNode seq)) {
            ctx.add(node, path, "expected a list of addresses like [192.0.2.10/24], got " + Values.describe(node));
            return Optional.empty();
        }
        List<AddressSpec> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        boolean ok = true;
        int i = 0;
        for (Node element : seq.getValue()) {
            String key = path + "[" + i++ + "]";
            Optional<AddressSpec> a = element instanceof MappingNode ? entry(element, ctx, key) : text(element, ctx,
                    key);
            if (a.isEmpty()) {
                ok = false;
                continue;
            }
            // The kernel keys an address by local address and prefix length; the same one twice is a typo.
            String identity = IpText.format(a.get().address()) + "/" + a.get().prefixLength();
            Node first = seen.putIfAbsent(identity, element);
            if (first != null) {
                ctx.add(element, key, "address " + identity + " is listed twice (first at line "
                        + ctx.at(first).line() + ")");
                ok = false;
                continue;
            }
            out.add(a.get());
        }
        return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    private static Optional<AddressSpec> text(Node node, FileContext ctx, String key) {
        Optional<Prefix> p = prefix(node, ctx, key);
        return p.map(x -> AddressSpec.of(x.address(), x.length()));
    }

    private static Optional<Prefix> prefix(Node node, FileContext ctx, String key) {
        Optional<String> s = Values.string(node);
        if (s.isEmpty()) {
            ctx.add(node, key, "expected an address with prefix length like 192.0.2.10/24, got "
                    + Values.describe(node));
            return Optional.empty();
        }
        Prefix.Parsed parsed = Prefix.parse(s.get(), false);
        if (parsed instanceof Prefix.Parsed.Bad bad) {
            ctx.add(node, key, bad.message());
            return Optional.empty();
        }
        return Optional.of(((Prefix.Parsed.Ok) parsed).prefix());
    }

    private static Optional<AddressSpec> entry(Node node, FileContext ctx, String key) {
        Optional<Mapping> m = Mapping.read(node, ctx, key, "an address");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (Mapping.Field f : m.get().fields()) {
            if (!Key.names(Keys.ADDRESS).contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(key, f.key()), "unknown key"
                        + Near.hint(f.key(), Key.names(Keys.ADDRESS)));
                ok = false;
            }
        }
        Optional<Mapping.Field> addressField = m.get().get("address");
        if (addressField.isEmpty()) {
            ctx.add(node, key, "an address entry needs address: (like 192.0.2.10/24)");
            return Optional.empty();
        }
        Optional<Prefix> p = prefix(addressField.get().value(), ctx, key + ".address");
        List<Values.Ref> ignored = new ArrayList<>();
        Optional<InetAddress> peer = Optional.empty();
        if (m.get().has("peer")) {
            Mapping.Field f = m.get().get("peer").orElseThrow();
            peer = Values.read(f.value(), Keys.ADDRESS.get(1).type(), ctx, key + ".peer", ignored)
                    .map(InetAddress.class::cast);
            ok &= peer.isPresent();
            if (peer.isPresent() && p.isPresent() && IpText.bits(peer.get()) != IpText.bits(p.get().address())) {
                ctx.add(f.value(), key + ".peer", "peer " + IpText.format(peer.get()) + " is "
                        + IpText.family(peer.get()) + " but the address is " + IpText.family(p.get().address()));
                ok = false;
            }
        }
        Optional<Long> valid = lifetime(m.get(), "valid-lft", ctx, key);
        Optional<Long> preferred = lifetime(m.get(), "preferred-lft", ctx, key);
        ok &= !m.get().has("valid-lft") || valid.isPresent() || isForever(m.get(), "valid-lft");
        ok &= !m.get().has("preferred-lft") || preferred.isPresent() || isForever(m.get(), "preferred-lft");
        if (valid.isPresent() && valid.get() == 0) {
            // net/ipv4/devinet.c refuses a zero valid lifetime (EINVAL); so does addrconf for IPv6.
            ctx.add(m.get().get("valid-lft").orElseThrow().value(), key + ".valid-lft",
                    "a valid lifetime of 0 is refused by the kernel; leave the address out instead");
            ok = false;
        }
        long validOrForever = valid.orElse(0xffffffffL);
        if (preferred.isPresent() && preferred.get() > validOrForever) {
            // The kernel's text: "preferred_lft is greater than valid_lft" (EINVAL).
            ctx.add(m.get().get("preferred-lft").orElseThrow().value(), key + ".preferred-lft",
                    "preferred-lft " + preferred.get() + " is greater than valid-lft " + validOrForever);
            ok = false;
        }
        boolean noprefixroute = false;
        if (m.get().has("noprefixroute")) {
            Optional<Object> v = Values.read(m.get().get("noprefixroute").orElseThrow().value(),
                    Keys.ADDRESS.get(4).type(), ctx, key + ".noprefixroute", ignored);
            ok &= v.isPresent();
            noprefixroute = v.map(Boolean.class::cast).orElse(false);
        }
        if (!ok || p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AddressSpec(p.get().address(), p.get().length(), peer, valid, preferred,
                noprefixroute));
    }

    private static boolean isForever(Mapping m, String key) {
        return m.get(key).flatMap(f -> Values.string(f.value())).filter("forever"::equals).isPresent();
    }

    /** A lifetime in seconds; empty for "forever", for absent, and for a wrong value (already reported). */
    private static Optional<Long> lifetime(Mapping m, String name, FileContext ctx, String key) {
        Optional<Mapping.Field> f = m.get(name);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> v = Values.read(f.get().value(), Keys.lifetime(), ctx, key + "." + name, new ArrayList<>());
        return v.filter(Long.class::isInstance).map(Long.class::cast);
    }
}
