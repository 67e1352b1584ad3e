package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import java.util.List;

/**
 * The kinds with no options of their own and no IFLA_INFO_DATA: everything vlinkd knows about them is their name.
 * One class serves them all; each constant says what the kind is for. With no options, everything else
 * {@link AbstractLinkKind} derives is empty.
 *
 * <pre>
 * - name: dummy0
 *   kind: dummy
 * </pre>
 * Equivalent to: {@code ip link add dummy0 type dummy}.
 */
public final class OptionlessKind extends AbstractLinkKind<OptionlessKind.NoOptions> {

    /** A black hole with an address, handy for loopback-like service addresses (drivers/net/dummy.c). */
    public static final OptionlessKind DUMMY = new OptionlessKind("dummy", MtuRule.COMMON);

    /**
     * An intermediate functional block: a device tc redirects traffic to, for ingress shaping (drivers/net/ifb.c,
     * rtnetlink since 2.6.24).
     */
    public static final OptionlessKind IFB = new OptionlessKind("ifb", MtuRule.COMMON);

    /**
     * A netlink monitor: packet sockets on it see every netlink message of its namespace ({@code tcpdump -i
     * nlmon0}; drivers/net/nlmon.c, 3.11).
     */
    public static final OptionlessKind NLMON = new OptionlessKind("nlmon", MtuRule.COMMON);

    /** A virtual CAN bus, for CAN applications without hardware (drivers/net/can/vcan.c, 2.6.26). */
    public static final OptionlessKind VCAN = new OptionlessKind("vcan", MtuRule.CAN);

    /** The spec of a kind without options; all such specs are equal. */
    public record NoOptions() implements KindSpec {
    }

    public static final NoOptions NONE = new NoOptions();

    private final MtuRule mtu;

    private OptionlessKind(String name, MtuRule mtu) {
        super(name, NoOptions.class, AttrSpace.of("IFLA_" + name.toUpperCase(java.util.Locale.ROOT)), List.of());
        this.mtu = mtu;
    }

    @Override
    public MtuRule mtu() {
        return mtu;
    }

    @Override
    public String toString() {
        return name();
    }
}
