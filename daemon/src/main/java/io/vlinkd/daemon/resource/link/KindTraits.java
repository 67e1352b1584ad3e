package io.vlinkd.daemon.resource.link;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.ValueType;
import java.util.List;

/**
 * What the link type reads from a kind's option table, without knowing any kind by name ({@link LinkPlan},
 * {@link Adoption}, and wherever the daemon meets a link's peer or the interfaces it references):
 * <ul>
 *   <li>options of type {@link ValueType.InterfaceName} reference another interface that must exist first
 *       (vxlan {@code dev}, bond {@code primary});</li>
 *   <li>an option of type {@link ValueType.PeerName} names a companion the kernel creates with the link and deletes with it (veth,
 *       vxcan), unless {@code peer-netns} puts it in another namespace. The kernel never dumps the peer's name in
 *       IFLA_INFO_DATA; it reports the peer as IFLA_LINK, so the observed spec gets it from there.</li>
 * </ul>
 */
public final class KindTraits {
    private KindTraits() {
    }

    public static final String PEER_NETNS = "peer-netns";

    /** Names of other interfaces the spec refers to (not its companion). */
    public static List<String> references(LinkKind<?> kind, KindSpec spec) {
        if (kind == null || spec == null) {
            return List.of();
        }
        return kind.typed(spec).references();
    }

    /** The companion created and deleted together with the link in this namespace (a veth's peer), if any. */
    public static List<String> companions(LinkKind<?> kind, KindSpec spec) {
        if (kind == null || spec == null || !hasPeerOption(kind)) {
            return List.of();
        }
        OptionValues v = options(kind, spec);
        if (v.has(PEER_NETNS)) {
            return List.of();
        }
        return v.get(peerKey(kind)).map(p -> List.of(p.toString())).orElse(List.of());
    }

    public static boolean hasPeerOption(LinkKind<?> kind) {
        return kind != null && kind.options().stream().anyMatch(o -> o.type() instanceof ValueType.PeerName);
    }

    /** The key of the kind's {@link ValueType.PeerName} option ({@code peer} for veth and vxcan). */
    public static String peerKey(LinkKind<?> kind) {
        return kind.options().stream().filter(o -> o.type() instanceof ValueType.PeerName).map(Option::key)
                .findFirst().orElseThrow();
    }

    /** The observed spec with the peer's name filled in from IFLA_LINK, for kinds that have a peer. */
    public static KindSpec withPeer(LinkKind<?> kind, KindSpec spec, String peerName) {
        if (peerName == null || !hasPeerOption(kind) || spec == null) {
            return spec;
        }
        return kind.typed(spec).withOption(peerKey(kind), peerName);
    }

    /** A spec holding only {@code keys} of {@code spec}: what an in-place change sends, or reverts. */
    public static KindSpec restrict(LinkKind<?> kind, KindSpec spec, List<String> keys) {
        return kind.typed(spec).restrict(keys);
    }

    /**
     * {@link LinkKind#changeFrom}: what an in-place change of {@code observed} to {@code change} must carry. For most
     * kinds that is {@code change} itself; the IP tunnels' changelink resets every attribute left out, so they fill
     * the rest from the kernel's values.
     */
    public static KindSpec changeFrom(LinkKind<?> kind, KindSpec change, KindSpec observed) {
        return kind.typed(change).changeFrom(observed);
    }

    public static OptionValues options(LinkKind<?> kind, KindSpec spec) {
        return kind.typed(spec).options();
    }

    public static List<io.vlinkd.netlink.kind.Difference> differences(LinkKind<?> kind, KindSpec desired,
                                                                     KindSpec observed) {
        return kind.typed(desired).differences(observed);
    }

    public static List<String> ipArgs(LinkKind<?> kind, KindSpec spec) {
        return kind.typed(spec).ipArgs();
    }
}
