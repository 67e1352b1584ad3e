package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A software bridge (net/bridge). See {@link BridgeSpec} for a config example and the equivalent {@code ip} command.
 *
 * <p>Units: the config takes times in whole seconds, as operators think of STP timers (802.1D, brctl, networkd's
 * {@code ForwardDelaySec=}); {@code ip} and the kernel take centiseconds (the kernel converts the clock_t value
 * with {@code clock_t_to_jiffies}, USER_HZ = 100, and dumps {@code jiffies_to_clock_t}), so {@code forward-delay: 4}
 * is sent, and shown in plans, as {@code forward_delay 400}. A kernel value that is not a whole number of seconds
 * (set by someone else) is reported as a {@link BigDecimal} of seconds, so it never equals a configured value.
 *
 * <p>Every option is changed in place by {@code br_changelink} (net/bridge/br_netlink.c); tried on 6.18 for all but
 * vlan-filtering, which that kernel lacks (no CONFIG_BRIDGE_VLAN_FILTERING: EOPNOTSUPP).
 */
public final class BridgeKind extends AbstractLinkKind<BridgeSpec> {
    // enum IFLA_BR_* in <linux/if_link.h>; wire types as br_policy in net/bridge/br_netlink.c.
    public static final Attr IFLA_BR_FORWARD_DELAY = Attr.of("IFLA_BR_FORWARD_DELAY", 1, AttrType.U32);
    public static final Attr IFLA_BR_HELLO_TIME = Attr.of("IFLA_BR_HELLO_TIME", 2, AttrType.U32);
    public static final Attr IFLA_BR_MAX_AGE = Attr.of("IFLA_BR_MAX_AGE", 3, AttrType.U32);
    public static final Attr IFLA_BR_AGEING_TIME = Attr.of("IFLA_BR_AGEING_TIME", 4, AttrType.U32);
    public static final Attr IFLA_BR_STP_STATE = Attr.of("IFLA_BR_STP_STATE", 5, AttrType.U32);
    public static final Attr IFLA_BR_PRIORITY = Attr.of("IFLA_BR_PRIORITY", 6, AttrType.U16);
    public static final Attr IFLA_BR_VLAN_FILTERING = Attr.of("IFLA_BR_VLAN_FILTERING", 7, AttrType.U8);
    public static final Attr IFLA_BR_VLAN_PROTOCOL = Attr.of("IFLA_BR_VLAN_PROTOCOL", 8, AttrType.BE16);
    public static final Attr IFLA_BR_GROUP_FWD_MASK = Attr.of("IFLA_BR_GROUP_FWD_MASK", 9, AttrType.U16);
    public static final Attr IFLA_BR_ROOT_ID = Attr.of("IFLA_BR_ROOT_ID", 10, AttrType.BINARY);
    public static final Attr IFLA_BR_BRIDGE_ID = Attr.of("IFLA_BR_BRIDGE_ID", 11, AttrType.BINARY);
    public static final Attr IFLA_BR_ROOT_PORT = Attr.of("IFLA_BR_ROOT_PORT", 12, AttrType.U16);
    public static final Attr IFLA_BR_ROOT_PATH_COST = Attr.of("IFLA_BR_ROOT_PATH_COST", 13, AttrType.U32);
    public static final Attr IFLA_BR_TOPOLOGY_CHANGE = Attr.of("IFLA_BR_TOPOLOGY_CHANGE", 14, AttrType.U8);
    public static final Attr IFLA_BR_TOPOLOGY_CHANGE_DETECTED =
            Attr.of("IFLA_BR_TOPOLOGY_CHANGE_DETECTED", 15, AttrType.U8);
    public static final Attr IFLA_BR_HELLO_TIMER = Attr.of("IFLA_BR_HELLO_TIMER", 16, AttrType.U64);
    public static final Attr IFLA_BR_TCN_TIMER = Attr.of("IFLA_BR_TCN_TIMER", 17, AttrType.U64);
    public static final Attr IFLA_BR_TOPOLOGY_CHANGE_TIMER = Attr.of("IFLA_BR_TOPOLOGY_CHANGE_TIMER", 18, AttrType.U64);
    public static final Attr IFLA_BR_GC_TIMER = Attr.of("IFLA_BR_GC_TIMER", 19, AttrType.U64);
    public static final Attr IFLA_BR_GROUP_ADDR = Attr.of("IFLA_BR_GROUP_ADDR", 20, AttrType.MAC);
    public static final Attr IFLA_BR_FDB_FLUSH = Attr.of("IFLA_BR_FDB_FLUSH", 21, AttrType.FLAG);
    public static final Attr IFLA_BR_MCAST_ROUTER = Attr.of("IFLA_BR_MCAST_ROUTER", 22, AttrType.U8);
    public static final Attr IFLA_BR_MCAST_SNOOPING = Attr.of("IFLA_BR_MCAST_SNOOPING", 23, AttrType.U8);
    public static final Attr IFLA_BR_VLAN_DEFAULT_PVID = Attr.of("IFLA_BR_VLAN_DEFAULT_PVID", 39, AttrType.U16);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_BR", IFLA_BR_FORWARD_DELAY, IFLA_BR_HELLO_TIME,
            IFLA_BR_MAX_AGE, IFLA_BR_AGEING_TIME, IFLA_BR_STP_STATE, IFLA_BR_PRIORITY, IFLA_BR_VLAN_FILTERING,
            IFLA_BR_VLAN_PROTOCOL, IFLA_BR_GROUP_FWD_MASK, IFLA_BR_ROOT_ID, IFLA_BR_BRIDGE_ID, IFLA_BR_ROOT_PORT,
            IFLA_BR_ROOT_PATH_COST, IFLA_BR_TOPOLOGY_CHANGE, IFLA_BR_TOPOLOGY_CHANGE_DETECTED, IFLA_BR_HELLO_TIMER,
            IFLA_BR_TCN_TIMER, IFLA_BR_TOPOLOGY_CHANGE_TIMER, IFLA_BR_GC_TIMER, IFLA_BR_GROUP_ADDR,
            IFLA_BR_FDB_FLUSH, IFLA_BR_MCAST_ROUTER, IFLA_BR_MCAST_SNOOPING, IFLA_BR_VLAN_DEFAULT_PVID);

    /** Centiseconds per second: USER_HZ, the clock_t unit of the bridge's netlink times. */
    static final long CS = 100;
    /** The largest whole number of seconds whose centiseconds fit the u32 attributes. */
    private static final long MAX_SECONDS = 0xffffffffL / CS;

    // Kernel limits (include/linux/... net/bridge/br_private.h): BR_MIN/MAX_HELLO_TIME 1..10 s, BR_MIN/MAX_MAX_AGE
    // 6..40 s, BR_MIN/MAX_FORWARD_DELAY 2..30 s (checked only while STP is on); outside them: ERANGE.
    /** Seconds in the config, centiseconds in the spec and on the wire. */
    private static final Option.Convert SECONDS = new Option.Convert() {
        /** Whole seconds (a Long) when exact, else a BigDecimal of seconds that equals no config value. */
        @Override
        public Object toOption(Object centiseconds) {
            long cs = (Long) centiseconds;
            return cs % CS == 0 ? (Object) (cs / CS) : BigDecimal.valueOf(cs, 2);
        }

        @Override
        public Object toSpec(Object seconds) {
            return (Long) seconds * CS;
        }
    };

    private static final List<Option> OPTIONS = List.of(
            Option.inPlace("stp", ValueType.bool(), "4.1",
                    "IFLA_BR_STP_STATE: run the kernel's spanning tree protocol (stp_state 0|1)")
                    .attr(IFLA_BR_STP_STATE).ip(IpWords.zeroOne("stp_state")),
            Option.inPlace("forward-delay", ValueType.integer(0, MAX_SECONDS), "3.18",
                    "IFLA_BR_FORWARD_DELAY: seconds in listening and learning state (2-30 with STP; forward_delay "
                            + "in centiseconds)").attr(IFLA_BR_FORWARD_DELAY).convert(SECONDS),
            Option.inPlace("hello-time", ValueType.integer(1, 10), "3.18",
                    "IFLA_BR_HELLO_TIME: seconds between STP hello packets (hello_time in centiseconds)")
                    .attr(IFLA_BR_HELLO_TIME).convert(SECONDS),
            Option.inPlace("max-age", ValueType.integer(6, 40), "3.18",
                    "IFLA_BR_MAX_AGE: seconds a received STP hello stays valid (max_age in centiseconds)")
                    .attr(IFLA_BR_MAX_AGE).convert(SECONDS),
            Option.inPlace("ageing-time", ValueType.integer(0, MAX_SECONDS), "4.1",
                    "IFLA_BR_AGEING_TIME: seconds a learned MAC address stays in the forwarding database")
                    .attr(IFLA_BR_AGEING_TIME).convert(SECONDS),
            Option.inPlace("priority", ValueType.u16(), "4.1",
                    "IFLA_BR_PRIORITY: STP bridge priority (lowest becomes root)").attr(IFLA_BR_PRIORITY),
            Option.inPlace("vlan-filtering", ValueType.bool(), "4.1",
                    "IFLA_BR_VLAN_FILTERING: filter frames by the ports' VLAN membership")
                    .attr(IFLA_BR_VLAN_FILTERING).ip(IpWords.zeroOne("vlan_filtering")),
            Option.inPlace("vlan-protocol", VlanProtocol.choice(), "4.3",
                    "IFLA_BR_VLAN_PROTOCOL: the tag protocol VLAN filtering uses (802.1q or 802.1ad)")
                    .codec(VlanProtocol.codec(IFLA_BR_VLAN_PROTOCOL)).ip(VlanProtocol.ipWords("vlan_protocol")),
            Option.inPlace("default-pvid", ValueType.integer(0, 4094), "4.4",
                    "IFLA_BR_VLAN_DEFAULT_PVID: the untagged VLAN of new ports (0: none)")
                    .attr(IFLA_BR_VLAN_DEFAULT_PVID).ip(IpWords.keyValue("vlan_default_pvid")),
            Option.inPlace("multicast-snooping", ValueType.bool(), "4.4",
                    "IFLA_BR_MCAST_SNOOPING: forward multicast only to ports with listeners (mcast_snooping)")
                    .attr(IFLA_BR_MCAST_SNOOPING).ip(IpWords.zeroOne("mcast_snooping")));

    public static final BridgeKind INSTANCE = new BridgeKind();

    private BridgeKind() {
        super("bridge", BridgeSpec.class, SPACE, OPTIONS);
        // iproute2 writes each bridge attribute as its word comes on the command line; the ip words come so too.
        String[] order = {"forward-delay", "hello-time", "max-age", "ageing-time", "stp", "priority",
            "vlan-filtering", "vlan-protocol", "default-pvid", "multicast-snooping"};
        wireOrder(order);
        ipOrder(order);
    }

    @Override
    public boolean takesPorts() {
        return true;
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        Optional<Long> forwardDelay = v.integer("forward-delay");
        if (v.bool("stp").orElse(false) && forwardDelay.isPresent()
                && (forwardDelay.get() < 2 || forwardDelay.get() > 30)) {
            problems.add("forward-delay", "forward-delay must be 2-30 seconds while stp is on (the kernel answers "
                    + "ERANGE), not " + forwardDelay.get());
        }
    }

    /**
     * The default rule, except that vlan-protocol and default-pvid are not reported when the kernel does not dump
     * them at all: a kernel built without CONFIG_BRIDGE_VLAN_FILTERING accepts and ignores both (seen on 6.18), so
     * "changing" them would never converge. Such a kernel refuses vlan-filtering: true, which is reported.
     */
    @Override
    public List<Difference> differences(BridgeSpec desired, BridgeSpec observed) {
        List<Difference> out = new ArrayList<>(super.differences(desired, observed));
        out.removeIf(d -> (d.key().equals("vlan-protocol") && observed.vlanProtocol().isEmpty())
                || (d.key().equals("default-pvid") && observed.defaultPvid().isEmpty()));
        return out;
    }
}
