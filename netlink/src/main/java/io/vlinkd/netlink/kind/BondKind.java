package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bond: several ports (they join with the common {@code master: bond0}) that act as one link.
 *
 * <pre>
 * - name: bond0
 *   kind: bond
 *   bond: { mode: 802.3ad, miimon: 100, lacp-rate: fast, xmit-hash-policy: layer3+4 }
 * - name: eth1
 *   master: bond0
 * </pre>
 * Equivalent to: {@code ip link add bond0 type bond mode 802.3ad miimon 100 xmit_hash_policy layer3+4
 * lacp_rate fast} and {@code ip link set eth1 master bond0}.
 *
 * <p>In-place changes: {@code bond_changelink} ({@code drivers/net/bonding/bond_netlink.c}) hands every attribute
 * to {@code __bond_opt_set} ({@code bond_options.c}), which refuses an option whose {@code unsuppmodes} contain the
 * bond's mode (EACCES), a BOND_OPTFLAG_NOSLAVES option while the bond has ports (ENOTEMPTY) and a
 * BOND_OPTFLAG_IFDOWN option while it is up (EBUSY). So {@code mode} (NOSLAVES|IFDOWN), {@code fail-over-mac}
 * (NOSLAVES), {@code lacp-rate} and {@code ad-select} (IFDOWN) are classified as re-create: a running bond with
 * ports refuses them. Everything else changes in place. IFLA_BOND_MODE is applied first, so options in the same
 * request are checked against the new mode.
 */
public final class BondKind extends AbstractLinkKind<BondKind.BondSpec> {
    // IFLA_BOND_* of if_link.h (3.13 unless noted); wire types from bond_policy in bond_netlink.c.
    public static final Attr IFLA_BOND_MODE = Attr.of("IFLA_BOND_MODE", 1, AttrType.U8);
    public static final Attr IFLA_BOND_ACTIVE_SLAVE = Attr.of("IFLA_BOND_ACTIVE_SLAVE", 2, AttrType.U32);
    public static final Attr IFLA_BOND_MIIMON = Attr.of("IFLA_BOND_MIIMON", 3, AttrType.U32);
    /** Sent in milliseconds; the kernel keeps it in units of miimon and dumps {@code updelay * miimon}. */
    public static final Attr IFLA_BOND_UPDELAY = Attr.of("IFLA_BOND_UPDELAY", 4, AttrType.U32);
    public static final Attr IFLA_BOND_DOWNDELAY = Attr.of("IFLA_BOND_DOWNDELAY", 5, AttrType.U32);
    public static final Attr IFLA_BOND_USE_CARRIER = Attr.of("IFLA_BOND_USE_CARRIER", 6, AttrType.U8);
    public static final Attr IFLA_BOND_ARP_INTERVAL = Attr.of("IFLA_BOND_ARP_INTERVAL", 7, AttrType.U32);
    /** A nest of IPv4 addresses in network order, numbered 0, 1, ... (at most BOND_MAX_ARP_TARGETS = 16). */
    public static final Attr IFLA_BOND_ARP_IP_TARGET = Attr.of("IFLA_BOND_ARP_IP_TARGET", 8, AttrType.NESTED);
    public static final Attr IFLA_BOND_ARP_VALIDATE = Attr.of("IFLA_BOND_ARP_VALIDATE", 9, AttrType.U32);
    public static final Attr IFLA_BOND_ARP_ALL_TARGETS = Attr.of("IFLA_BOND_ARP_ALL_TARGETS", 10, AttrType.U32);
    /** The primary port's ifindex; dumped only once that port has joined the bond. */
    public static final Attr IFLA_BOND_PRIMARY = Attr.of("IFLA_BOND_PRIMARY", 11, AttrType.U32);
    public static final Attr IFLA_BOND_PRIMARY_RESELECT = Attr.of("IFLA_BOND_PRIMARY_RESELECT", 12, AttrType.U8);
    public static final Attr IFLA_BOND_FAIL_OVER_MAC = Attr.of("IFLA_BOND_FAIL_OVER_MAC", 13, AttrType.U8);
    public static final Attr IFLA_BOND_XMIT_HASH_POLICY = Attr.of("IFLA_BOND_XMIT_HASH_POLICY", 14, AttrType.U8);
    public static final Attr IFLA_BOND_RESEND_IGMP = Attr.of("IFLA_BOND_RESEND_IGMP", 15, AttrType.U32);
    public static final Attr IFLA_BOND_NUM_PEER_NOTIF = Attr.of("IFLA_BOND_NUM_PEER_NOTIF", 16, AttrType.U8);
    public static final Attr IFLA_BOND_ALL_SLAVES_ACTIVE = Attr.of("IFLA_BOND_ALL_SLAVES_ACTIVE", 17, AttrType.U8);
    public static final Attr IFLA_BOND_MIN_LINKS = Attr.of("IFLA_BOND_MIN_LINKS", 18, AttrType.U32);
    public static final Attr IFLA_BOND_LP_INTERVAL = Attr.of("IFLA_BOND_LP_INTERVAL", 19, AttrType.U32);
    public static final Attr IFLA_BOND_PACKETS_PER_SLAVE = Attr.of("IFLA_BOND_PACKETS_PER_SLAVE", 20, AttrType.U32);
    public static final Attr IFLA_BOND_AD_LACP_RATE = Attr.of("IFLA_BOND_AD_LACP_RATE", 21, AttrType.U8);
    public static final Attr IFLA_BOND_AD_SELECT = Attr.of("IFLA_BOND_AD_SELECT", 22, AttrType.U8);
    public static final Attr IFLA_BOND_AD_INFO = Attr.of("IFLA_BOND_AD_INFO", 23, AttrType.NESTED);
    public static final Attr IFLA_BOND_AD_ACTOR_SYS_PRIO = Attr.of("IFLA_BOND_AD_ACTOR_SYS_PRIO", 24, AttrType.U16);
    public static final Attr IFLA_BOND_AD_USER_PORT_KEY = Attr.of("IFLA_BOND_AD_USER_PORT_KEY", 25, AttrType.U16);
    public static final Attr IFLA_BOND_AD_ACTOR_SYSTEM = Attr.of("IFLA_BOND_AD_ACTOR_SYSTEM", 26, AttrType.BINARY);
    public static final Attr IFLA_BOND_TLB_DYNAMIC_LB = Attr.of("IFLA_BOND_TLB_DYNAMIC_LB", 27, AttrType.U8);
    public static final Attr IFLA_BOND_PEER_NOTIF_DELAY = Attr.of("IFLA_BOND_PEER_NOTIF_DELAY", 28, AttrType.U32);
    public static final Attr IFLA_BOND_AD_LACP_ACTIVE = Attr.of("IFLA_BOND_AD_LACP_ACTIVE", 29, AttrType.U8);
    public static final Attr IFLA_BOND_MISSED_MAX = Attr.of("IFLA_BOND_MISSED_MAX", 30, AttrType.U8);
    public static final Attr IFLA_BOND_NS_IP6_TARGET = Attr.of("IFLA_BOND_NS_IP6_TARGET", 31, AttrType.NESTED);
    /** 6.11 (not in the 6.1 headers the docs name; present in this machine's if_link.h). */
    public static final Attr IFLA_BOND_COUPLED_CONTROL = Attr.of("IFLA_BOND_COUPLED_CONTROL", 32, AttrType.U8);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_BOND", IFLA_BOND_MODE, IFLA_BOND_ACTIVE_SLAVE,
            IFLA_BOND_MIIMON, IFLA_BOND_UPDELAY, IFLA_BOND_DOWNDELAY, IFLA_BOND_USE_CARRIER, IFLA_BOND_ARP_INTERVAL,
            IFLA_BOND_ARP_IP_TARGET, IFLA_BOND_ARP_VALIDATE, IFLA_BOND_ARP_ALL_TARGETS, IFLA_BOND_PRIMARY,
            IFLA_BOND_PRIMARY_RESELECT, IFLA_BOND_FAIL_OVER_MAC, IFLA_BOND_XMIT_HASH_POLICY, IFLA_BOND_RESEND_IGMP,
            IFLA_BOND_NUM_PEER_NOTIF, IFLA_BOND_ALL_SLAVES_ACTIVE, IFLA_BOND_MIN_LINKS, IFLA_BOND_LP_INTERVAL,
            IFLA_BOND_PACKETS_PER_SLAVE, IFLA_BOND_AD_LACP_RATE, IFLA_BOND_AD_SELECT, IFLA_BOND_AD_INFO,
            IFLA_BOND_AD_ACTOR_SYS_PRIO, IFLA_BOND_AD_USER_PORT_KEY, IFLA_BOND_AD_ACTOR_SYSTEM,
            IFLA_BOND_TLB_DYNAMIC_LB, IFLA_BOND_PEER_NOTIF_DELAY, IFLA_BOND_AD_LACP_ACTIVE, IFLA_BOND_MISSED_MAX,
            IFLA_BOND_NS_IP6_TARGET, IFLA_BOND_COUPLED_CONTROL);

    // Word tables of if_bonding.h and bond_options.c; a value without a word (a newer kernel's) reads as its number.
    /** BOND_MODE_*, in iproute2's words. */
    static final Words MODES = Words.of("", "balance-rr", 0, "active-backup", 1, "balance-xor", 2, "broadcast", 3,
            "802.3ad", 4, "balance-tlb", 5, "balance-alb", 6);
    /** BOND_ARP_VALIDATE_* (bond_arp_validate_tbl). */
    static final Words ARP_VALIDATE = Words.of("", "none", 0, "active", 1, "backup", 2, "all", 3, "filter", 4,
            "filter_active", 5, "filter_backup", 6);
    /** BOND_PRI_RESELECT_*. */
    static final Words PRIMARY_RESELECT = Words.of("", "always", 0, "better", 1, "failure", 2);
    /** BOND_FOM_*. */
    static final Words FAIL_OVER_MAC = Words.of("", "none", 0, "active", 1, "follow", 2);
    /** BOND_XMIT_POLICY_* (vlan+srcmac: 5.13). */
    static final Words XMIT_HASH_POLICY = Words.of("", "layer2", 0, "layer3+4", 1, "layer2+3", 2, "encap2+3", 3,
            "encap3+4", 4, "vlan+srcmac", 5);
    /** AD_LACP_SLOW / AD_LACP_FAST. */
    static final Words LACP_RATE = Words.of("", "slow", 0, "fast", 1);
    /** BOND_AD_STABLE / _BANDWIDTH / _COUNT. */
    static final Words AD_SELECT = Words.of("", "stable", 0, "bandwidth", 1, "count", 2);

    /** BOND_MAX_ARP_TARGETS in include/net/bonding.h. */
    static final int MAX_ARP_TARGETS = 16;
    private static final long INT_MAX = Integer.MAX_VALUE;
    /** Modes in which ARP monitoring is refused: arp_interval's and arp_validate's unsuppmodes. */
    private static final Set<String> NO_ARP_MODES = Set.of("802.3ad", "balance-tlb", "balance-alb");
    /** Modes that have a primary port: BOND_OPT_PRIMARY's supported modes. */
    private static final Set<String> PRIMARY_MODES = Set.of("active-backup", "balance-tlb", "balance-alb");

    /**
     * The bond options; unset fields are not managed. Names follow iproute2 ({@code ip link add ... type bond}).
     *
     * @param mode            {@code mode} (IFLA_BOND_MODE)
     * @param miimon          {@code miimon} ms (IFLA_BOND_MIIMON)
     * @param updelay         {@code updelay} ms, a multiple of miimon (IFLA_BOND_UPDELAY)
     * @param downdelay       {@code downdelay} ms, a multiple of miimon (IFLA_BOND_DOWNDELAY)
     * @param arpInterval     {@code arp_interval} ms (IFLA_BOND_ARP_INTERVAL)
     * @param arpIpTarget     {@code arp_ip_target} IPv4 addresses (IFLA_BOND_ARP_IP_TARGET)
     * @param arpValidate     {@code arp_validate} (IFLA_BOND_ARP_VALIDATE)
     * @param primary         {@code primary} port name (IFLA_BOND_PRIMARY, an ifindex on the wire)
     * @param primaryReselect {@code primary_reselect} (IFLA_BOND_PRIMARY_RESELECT)
     * @param failOverMac     {@code fail_over_mac} (IFLA_BOND_FAIL_OVER_MAC)
     * @param xmitHashPolicy  {@code xmit_hash_policy} (IFLA_BOND_XMIT_HASH_POLICY)
     * @param allSlavesActive {@code all_slaves_active 0|1} (IFLA_BOND_ALL_SLAVES_ACTIVE)
     * @param minLinks        {@code min_links} (IFLA_BOND_MIN_LINKS)
     * @param lacpRate        {@code lacp_rate slow|fast} (IFLA_BOND_AD_LACP_RATE)
     * @param adSelect        {@code ad_select} (IFLA_BOND_AD_SELECT)
     */
    public record BondSpec(Optional<String> mode, Optional<Long> miimon, Optional<Long> updelay,
                           Optional<Long> downdelay, Optional<Long> arpInterval,
                           Optional<List<InetAddress>> arpIpTarget,
                           Optional<String> arpValidate, Optional<String> primary, Optional<String> primaryReselect,
                           Optional<String> failOverMac, Optional<String> xmitHashPolicy,
                           Optional<Boolean> allSlavesActive, Optional<Long> minLinks, Optional<String> lacpRate,
                           Optional<String> adSelect) implements KindSpec {
        public BondSpec {
            arpIpTarget = arpIpTarget.map(List::copyOf);
        }

        /** A spec with nothing managed. */
        public static BondSpec empty() {
            return INSTANCE.unmanaged();
        }
    }

    private static final String IFDOWN = "the kernel changes %s only while the bond is down (EBUSY)";

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("mode", MODES.choice(), "3.13",
                    "IFLA_BOND_MODE: how traffic is spread over the ports; changes only while down without ports")
                    .words(IFLA_BOND_MODE, MODES)
                    .refusal("the kernel changes a bond's mode only while it is down and has no ports "
                            + "(ENOTEMPTY/EBUSY)"),
            Option.inPlace("miimon", ValueType.integer(0, INT_MAX), "3.13",
                    "IFLA_BOND_MIIMON: MII link check interval in ms (0: off)").attr(IFLA_BOND_MIIMON),
            Option.inPlace("updelay", ValueType.integer(0, INT_MAX), "3.13",
                    "IFLA_BOND_UPDELAY: ms to wait before using a port whose link came up (a multiple of miimon)")
                    .attr(IFLA_BOND_UPDELAY),
            Option.inPlace("downdelay", ValueType.integer(0, INT_MAX), "3.13",
                    "IFLA_BOND_DOWNDELAY: ms to wait before dropping a port whose link went down (a multiple of "
                            + "miimon)").attr(IFLA_BOND_DOWNDELAY),
            Option.inPlace("arp-interval", ValueType.integer(0, INT_MAX), "3.13",
                    "IFLA_BOND_ARP_INTERVAL: ARP link check interval in ms (0: off; not in 802.3ad, balance-tlb, "
                            + "balance-alb)").attr(IFLA_BOND_ARP_INTERVAL),
            Option.inPlace("arp-ip-target", new ValueType.ListOf(ValueType.ipv4()), "3.13",
                    "IFLA_BOND_ARP_IP_TARGET: up to 16 IPv4 addresses the ARP monitor asks for")
                    .codec(new ArpTargets())
                    // iproute2 takes the list comma-separated; an empty list can only be said as the last argument.
                    .ip(v -> ((List<?>) v).isEmpty() ? List.of("arp_ip_target") : List.of("arp_ip_target",
                            ((List<?>) v).stream().map(a -> ((InetAddress) a).getHostAddress())
                                    .collect(Collectors.joining(",")))),
            Option.inPlace("arp-validate", ARP_VALIDATE.choice(), "3.13",
                    "IFLA_BOND_ARP_VALIDATE: which ARP replies count (filter*: 4.0)")
                    .words(IFLA_BOND_ARP_VALIDATE, ARP_VALIDATE),
            Option.inPlace("primary", ValueType.interfaceName(), "3.13",
                    "IFLA_BOND_PRIMARY: the preferred port (active-backup, balance-tlb, balance-alb)")
                    .attr(IFLA_BOND_PRIMARY),
            Option.inPlace("primary-reselect", PRIMARY_RESELECT.choice(), "3.13",
                    "IFLA_BOND_PRIMARY_RESELECT: when the primary port becomes active again")
                    .words(IFLA_BOND_PRIMARY_RESELECT, PRIMARY_RESELECT),
            Option.createOnly("fail-over-mac", FAIL_OVER_MAC.choice(), "3.13",
                    "IFLA_BOND_FAIL_OVER_MAC: MAC address policy on failover; changes only without ports")
                    .words(IFLA_BOND_FAIL_OVER_MAC, FAIL_OVER_MAC)
                    .refusal("the kernel changes fail_over_mac only while the bond has no ports (ENOTEMPTY)"),
            Option.inPlace("xmit-hash-policy", XMIT_HASH_POLICY.choice(), "3.13",
                    "IFLA_BOND_XMIT_HASH_POLICY: what picks the port in balance-xor, 802.3ad and balance-tlb "
                            + "(encap*: 3.18, vlan+srcmac: 5.13)").words(IFLA_BOND_XMIT_HASH_POLICY, XMIT_HASH_POLICY),
            Option.inPlace("all-slaves-active", ValueType.bool(), "3.13",
                    "IFLA_BOND_ALL_SLAVES_ACTIVE: deliver frames received on inactive ports too")
                    .attr(IFLA_BOND_ALL_SLAVES_ACTIVE).ip(IpWords.zeroOne("all_slaves_active")),
            Option.inPlace("min-links", ValueType.integer(0, INT_MAX), "3.13",
                    "IFLA_BOND_MIN_LINKS: ports that must be up for the bond to have carrier").attr(IFLA_BOND_MIN_LINKS),
            Option.createOnly("lacp-rate", LACP_RATE.choice(), "3.13",
                    "IFLA_BOND_AD_LACP_RATE: LACPDU rate asked of the partner (802.3ad); changes only while down")
                    .words(IFLA_BOND_AD_LACP_RATE, LACP_RATE).refusal(String.format(IFDOWN, "lacp_rate")),
            Option.createOnly("ad-select", AD_SELECT.choice(), "3.13",
                    "IFLA_BOND_AD_SELECT: 802.3ad aggregator selection; changes only while down")
                    .words(IFLA_BOND_AD_SELECT, AD_SELECT).refusal(String.format(IFDOWN, "ad_select")));

    public static final BondKind INSTANCE = new BondKind();

    private BondKind() {
        super("bond", BondSpec.class, SPACE, OPTIONS);
    }

    @Override
    public boolean takesOnlyDownPorts() {
        return true;
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        Optional<String> mode = v.string("mode");
        Optional<Long> miimon = v.integer("miimon");
        Optional<Long> arpInterval = v.integer("arp-interval");
        Optional<List<InetAddress>> targets = v.has("arp-ip-target")
                ? Optional.of(v.list("arp-ip-target", InetAddress.class)) : Optional.empty();
        String inMode = mode.map(m -> " (mode is " + m + ")").orElse(" (set mode)");

        if (arpInterval.orElse(0L) > 0 && mode.isPresent() && NO_ARP_MODES.contains(mode.get())) {
            problems.add("arp-interval", "ARP monitoring does not work in mode " + mode.get()
                    + "; use miimon instead");
        }
        if (v.has("arp-validate") && mode.isPresent() && NO_ARP_MODES.contains(mode.get())) {
            problems.add("arp-validate", "arp-validate does not work in mode " + mode.get());
        }
        if (miimon.orElse(0L) > 0 && arpInterval.orElse(0L) > 0) {
            problems.add("arp-interval", "miimon and arp-interval exclude each other (the kernel turns one off): "
                    + "set one of them to 0");
        }
        if (arpInterval.orElse(0L) > 0 && targets.map(List::isEmpty).orElse(true)) {
            problems.add("arp-interval", "ARP monitoring needs at least one arp-ip-target");
        }
        targets.ifPresent(list -> {
            if (list.size() > MAX_ARP_TARGETS) {
                problems.add("arp-ip-target", "a bond takes at most " + MAX_ARP_TARGETS + " arp-ip-targets, not "
                        + list.size());
            }
            Set<InetAddress> seen = new HashSet<>();
            for (InetAddress a : list) {
                if (!seen.add(a)) {
                    problems.add("arp-ip-target", a.getHostAddress() + " is listed twice");
                }
            }
        });
        if (v.has("lacp-rate") && !mode.equals(Optional.of("802.3ad"))) {
            problems.add("lacp-rate", "lacp-rate only works in mode 802.3ad" + inMode);
        }
        if (v.has("primary") && !(mode.isPresent() && PRIMARY_MODES.contains(mode.get()))) {
            problems.add("primary", "primary only works in mode active-backup, balance-tlb or balance-alb" + inMode);
        }
        checkDelay("updelay", v.integer("updelay"), miimon, problems);
        checkDelay("downdelay", v.integer("downdelay"), miimon, problems);
    }

    /**
     * The kernel keeps updelay/downdelay in units of miimon and rounds down (bond_option_updelay_set: "value is not
     * a multiple of miimon"); a value that is not a multiple would read back different and drift forever.
     */
    private static void checkDelay(String key, Optional<Long> delay, Optional<Long> miimon, Problems problems) {
        if (delay.isEmpty() || delay.get() == 0 || miimon.isEmpty()) {
            return;
        }
        if (miimon.get() == 0) {
            problems.add(key, key + " needs miimon (MII monitoring is off)");
        } else if (delay.get() % miimon.get() != 0) {
            problems.add(key, key + " " + delay.get() + " is not a multiple of miimon " + miimon.get()
                    + " (the kernel would round it down to " + (delay.get() / miimon.get() * miimon.get()) + ")");
        }
    }

    /** The i-th entry of IFLA_BOND_ARP_IP_TARGET: attribute number i, an IPv4 address in network order. */
    static Attr targetAttr(int i) {
        return Attr.of("IFLA_BOND_ARP_IP_TARGET[" + i + "]", i, AttrType.IN_ADDR);
    }

    /** IFLA_BOND_ARP_IP_TARGET: a nest of the addresses, numbered from 0. */
    private static final class ArpTargets implements OptionCodec {
        // The kernel clears the old targets and adds these (bond_changelink), so the list is the whole truth.
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            List<?> list = (List<?>) value;
            try (var nest = w.nest(IFLA_BOND_ARP_IP_TARGET)) {
                for (int i = 0; i < list.size(); i++) {
                    w.putAddress(targetAttr(i), (InetAddress) list.get(i));
                }
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            Optional<Attrs> nest = d.nested(IFLA_BOND_ARP_IP_TARGET);
            if (nest.isEmpty()) {
                // bond_fill_info writes the nest only when there are targets: a dump without it means none.
                return d.has(IFLA_BOND_ARP_INTERVAL) ? Optional.of(List.of()) : Optional.empty();
            }
            List<InetAddress> list = new ArrayList<>();
            for (RawAttr r : nest.get().all()) {
                if (r.length() != 4) {
                    throw new MalformedMessageException("IFLA_BOND_ARP_IP_TARGET: an IPv4 address needs 4 bytes, got "
                            + r.length());
                }
                try {
                    list.add(InetAddress.getByAddress(r.payload()));
                } catch (UnknownHostException e) {
                    throw new MalformedMessageException("IFLA_BOND_ARP_IP_TARGET: " + e.getMessage());
                }
            }
            return Optional.of(list);
        }
    }

    /** The table's rule, except that arp-ip-target compares as a set (the kernel keeps its own slot order). */
    @Override
    public List<Difference> differences(BondSpec desired, BondSpec observed) {
        List<Difference> out = new ArrayList<>(super.differences(desired, observed));
        out.removeIf(d -> d.key().equals("arp-ip-target") && d.observed() instanceof List<?> have
                && Set.copyOf(have).equals(Set.copyOf((List<?>) d.desired())));
        return out;
    }

}
