package io.vlinkd.netlink.kind;

/**
 * A macvtap: a macvlan whose frames also reach user space through {@code /dev/tapN} (for VMs). Same options, wire
 * attributes and in-place rules as {@link MacvlanKind}; only IFLA_INFO_KIND differs ({@code drivers/net/macvtap.c}
 * registers its link ops over {@code macvlan_common_newlink}).
 *
 * <pre>
 * - name: mvt0
 *   kind: macvtap
 *   link: eth0
 *   macvtap: { mode: vepa }
 * </pre>
 * Equivalent to: {@code ip link add mvt0 link eth0 type macvtap mode vepa}.
 */
public final class MacvtapKind {
    /** The macvtap kind: a {@link MacvlanKind} named {@code macvtap}. */
    public static final MacvlanKind INSTANCE = new MacvlanKind("macvtap");

    private MacvtapKind() {
    }
}
