package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Option values as a config file gives them, for the kind tests. */
public final class ConfigOptions {
    private ConfigOptions() {
    }

    /**
     * The options {@code key, value, key, value...}, in that order; an Integer becomes the Long the config reads, also
     * inside a list.
     */
    public static Map<String, Object> of(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], asRead(kv[i + 1]));
        }
        return m;
    }

    /** The spec {@code kind} builds of the options {@code kv} for {@code common}, reporting into {@code problems}. */
    public static <S extends KindSpec> S spec(LinkKind<S> kind, LinkCommon common, Problems problems, Object... kv) {
        return kind.fromOptions(OptionValues.of(of(kv)), common, problems);
    }

    /** The same, failing on any problem. */
    public static <S extends KindSpec> S valid(LinkKind<S> kind, LinkCommon common, Object... kv) {
        Problems p = new Problems();
        S s = spec(kind, common, p, kv);
        assertThat(p.all()).as("problems").isEmpty();
        return s;
    }

    private static Object asRead(Object v) {
        if (v instanceof Integer n) {
            return (long) n;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ConfigOptions::asRead).toList();
        }
        return v;
    }
}
