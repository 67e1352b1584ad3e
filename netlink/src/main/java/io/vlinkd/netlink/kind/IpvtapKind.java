package io.vlinkd.netlink.kind;

/**
 * An ipvtap: an ipvlan whose traffic also reaches user space through {@code /dev/tapN}. Same options, attributes
 * and in-place rules as {@link IpvlanKind} ({@code drivers/net/ipvlan/ipvtap.c}, 4.14); only IFLA_INFO_KIND differs.
 *
 * <pre>
 * - name: ipvt0
 *   kind: ipvtap
 *   link: eth0
 *   ipvtap: { mode: l2, flags: vepa }
 * </pre>
 * Equivalent to: {@code ip link add ipvt0 link eth0 type ipvtap mode l2 vepa}.
 */
public final class IpvtapKind {
    /** The ipvtap kind: an {@link IpvlanKind} named {@code ipvtap}. */
    public static final IpvlanKind INSTANCE = new IpvlanKind("ipvtap");

    private IpvtapKind() {
    }
}
