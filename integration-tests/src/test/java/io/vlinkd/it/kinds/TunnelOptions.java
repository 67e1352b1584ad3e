package io.vlinkd.it.kinds;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Kind specs from config-style options, as the config module builds them, for the tunnel and macsec cases. */
final class TunnelOptions {
    private TunnelOptions() {
    }

    /**
     * {@code spec(GreKind.INSTANCE, "local", ip("192.0.2.1"), "ttl", 64)}: integers become Long as config makes
     * them; fails on any validation problem.
     */
    static <S extends KindSpec> S spec(LinkKind<S> kind, Optional<String> link, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof Integer n ? (Object) (long) n : kv[i + 1]);
        }
        Problems p = new Problems();
        S s = kind.fromOptions(OptionValues.of(m), new LinkCommon("t0", link, Optional.empty()), p);
        if (!p.isEmpty()) {
            throw new AssertionError(p.all());
        }
        return s;
    }

    static <S extends KindSpec> S spec(LinkKind<S> kind, Object... kv) {
        return spec(kind, Optional.empty(), kv);
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A probe for a tunnel kind. {@code ip link add probe type ipip} (no endpoints) fails with EEXIST on a kernel that
     * has ipip: the namespace's fallback device (tunl0, sit0, gre0, gretap0, ip6tnl0, ip6gre0, ip_vti0, ip6_vti0)
     * already holds the wildcard parameters. So the probe gives a remote of the kind's family.
     */
    static KindCase probed(KindCase c, String kind, boolean v6) {
        return c.probe(ns -> ns.supportsKind(kind, "remote", v6 ? "2001:db8::fe" : "192.0.2.254"),
                "this kernel has no " + kind + ": runs in the full-kernel lane");
    }

    /** {@code base} followed by {@code more}: later keys win, as a config edit would; a null value removes a key. */
    static Object[] with(Object[] base, Object... more) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < base.length; i += 2) {
            m.put(base[i], base[i + 1]);
        }
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                m.remove(more[i]);
            } else {
                m.put(more[i], more[i + 1]);
            }
        }
        Object[] out = new Object[m.size() * 2];
        int i = 0;
        for (Map.Entry<Object, Object> e : m.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }
}
