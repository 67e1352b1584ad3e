package io.vlinkd.netlink.kind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one registry of link kinds. Nowhere else switches on a kind name (STYLE.md). Add a kind by adding its
 * singleton to {@link #ALL}.
 */
public final class LinkKinds {
    private LinkKinds() {
    }

    /** Layer-2 kinds: bridge, vxlan, geneve, veth, vlan, vxcan. */
    private static final List<LinkKind<?>> LAYER2 = List.of(
            BridgeKind.INSTANCE,
            VxlanKind.INSTANCE,
            GeneveKind.INSTANCE,
            VethKind.INSTANCE,
            VlanKind.INSTANCE,
            VxcanKind.INSTANCE
    );

    /** Devices stacked on a parent or grouping ports, and the simple ones. */
    private static final List<LinkKind<?>> DEVICES = List.of(
            OptionlessKind.DUMMY,
            VrfKind.INSTANCE,
            MacvlanKind.INSTANCE,
            MacvtapKind.INSTANCE,
            IpvlanKind.INSTANCE,
            IpvtapKind.INSTANCE,
            BondKind.INSTANCE,
            TeamKind.INSTANCE,
            OptionlessKind.IFB,
            OptionlessKind.NLMON,
            OptionlessKind.VCAN
    );

    /** IP tunnels and macsec. */
    private static final List<LinkKind<?>> TUNNELS = List.of(
            io.vlinkd.netlink.kind.tunnel.IpipKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.SitKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.Ip6tnlKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.GreKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.GretapKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.Ip6greKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.Ip6gretapKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.VtiKind.INSTANCE,
            io.vlinkd.netlink.kind.tunnel.Vti6Kind.INSTANCE,
            MacsecKind.INSTANCE
    );

    private static final List<LinkKind<?>> ALL = Stream.of(LAYER2, DEVICES, TUNNELS).flatMap(List::stream)
            .toList();

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
