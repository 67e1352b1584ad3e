package io.vlinkd.netlink.kind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of link kinds. Nowhere else switches on a kind name (STYLE.md). Add a kind by adding its
 * singleton to {@link #ALL}.
 */
public final class LinkKinds {
    private LinkKinds() {
    }

    private static final List<LinkKind<?>> ALL = List.of(
            DummyKind.INSTANCE,
            BridgeKind.INSTANCE,
            VethKind.INSTANCE,
            VxlanKind.INSTANCE,
            VlanKind.INSTANCE,
            VxcanKind.INSTANCE,
            VrfKind.INSTANCE
    );

    private static final Map<String, LinkKind<?>> BY_NAME;

    static {
        Map<String, LinkKind<?>> m = new LinkedHashMap<>();
        for (LinkKind<?> k : ALL) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("kind registered twice: " + k.name());
            }
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    public static List<LinkKind<?>> all() {
        return ALL;
    }

    public static Optional<LinkKind<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
