package io.vlinkd.it.kinds;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kind specs built the way the config module builds them, through {@link LinkKind#fromOptions}, from key-value
 * pairs as a YAML section would give them ({@code "id", 42, "remote", InetAddress...}); Integers become Longs.
 */
public final class ConfigSpecs {
    private ConfigSpecs() {
    }

    /** A valid spec; fails the test when the kind reports a problem. */
    public static <S extends KindSpec> S spec(LinkKind<S> kind, LinkCommon common, Object... kv) {
        Problems p = new Problems();
        S s = kind.fromOptions(values(kv), common, p);
        if (!p.isEmpty()) {
            throw new AssertionError(kind.name() + " options " + List.of(kv) + ": " + p.all());
        }
        return s;
    }

    public static <S extends KindSpec> S spec(LinkKind<S> kind, Object... kv) {
        return spec(kind, new LinkCommon("test0", Optional.empty(), Optional.empty()), kv);
    }

    /**
     * A spec of just these options, problems ignored: for a change the kernel must refuse, which alone would not
     * be a valid config (a vxlan with only {@code dstport}).
     */
    public static <S extends KindSpec> S partial(LinkKind<S> kind, Object... kv) {
        return kind.fromOptions(values(kv), new LinkCommon("test0", Optional.empty(), Optional.empty()),
                new Problems());
    }

    public static OptionValues values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], normalize(kv[i + 1]));
        }
        return OptionValues.of(m);
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer n) {
            return (long) n;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ConfigSpecs::normalize).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(normalize(k), normalize(x)));
            return out;
        }
        return v;
    }
}
