package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.kind.VxlanSpec.PortRange;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.Optional;

/**
 * VXLAN (drivers/net/vxlan/vxlan_core.c). See {@link VxlanSpec} for a config example and the equivalent {@code ip}
 * command.
 *
 * <p>What changes in place was tried on 6.18 ({@code ip link set vx0 type vxlan ...}):
 * local, remote/group, dev, a numeric ttl, tos, flowlabel, learning and ageing change; the rest is refused by
 * {@code vxlan_nl2conf} with the extack text kept as each option's refusal. Value rules on top of the table: an
 * address may not change family ("New local address family does not match old"), and ttl may not switch between a number
 * and {@code inherit} ("vxlan: cannot change TTL_INHERIT flag").
 *
 * <p>Encoding follows iproute2 (ip/iplink_vxlan.c): the options are written in command-line order, except id,
 * local, remote/group, learning and dstport, which iproute2 writes after all the others; on create it always sends
 * IFLA_VXLAN_LEARNING (1, or 0 with {@code external}), as vlinkd does.
 */
public final class VxlanKind extends AbstractLinkKind<VxlanSpec> {
    // enum IFLA_VXLAN_* in <linux/if_link.h> (6.1); wire types as vxlan_policy and vxlan_fill_info.
    public static final Attr IFLA_VXLAN_ID = Attr.of("IFLA_VXLAN_ID", 1, AttrType.U32);
    public static final Attr IFLA_VXLAN_GROUP = Attr.of("IFLA_VXLAN_GROUP", 2, AttrType.IN_ADDR);
    public static final Attr IFLA_VXLAN_LINK = Attr.of("IFLA_VXLAN_LINK", 3, AttrType.U32);
    public static final Attr IFLA_VXLAN_LOCAL = Attr.of("IFLA_VXLAN_LOCAL", 4, AttrType.IN_ADDR);
    public static final Attr IFLA_VXLAN_TTL = Attr.of("IFLA_VXLAN_TTL", 5, AttrType.U8);
    public static final Attr IFLA_VXLAN_TOS = Attr.of("IFLA_VXLAN_TOS", 6, AttrType.U8);
    public static final Attr IFLA_VXLAN_LEARNING = Attr.of("IFLA_VXLAN_LEARNING", 7, AttrType.U8);
    public static final Attr IFLA_VXLAN_AGEING = Attr.of("IFLA_VXLAN_AGEING", 8, AttrType.U32);
    public static final Attr IFLA_VXLAN_LIMIT = Attr.of("IFLA_VXLAN_LIMIT", 9, AttrType.U32);
    /** struct ifla_vxlan_port_range: two be16, low then high. */
    public static final Attr IFLA_VXLAN_PORT_RANGE = Attr.of("IFLA_VXLAN_PORT_RANGE", 10, AttrType.BINARY);
    public static final Attr IFLA_VXLAN_PROXY = Attr.of("IFLA_VXLAN_PROXY", 11, AttrType.U8);
    public static final Attr IFLA_VXLAN_RSC = Attr.of("IFLA_VXLAN_RSC", 12, AttrType.U8);
    public static final Attr IFLA_VXLAN_L2MISS = Attr.of("IFLA_VXLAN_L2MISS", 13, AttrType.U8);
    public static final Attr IFLA_VXLAN_L3MISS = Attr.of("IFLA_VXLAN_L3MISS", 14, AttrType.U8);
    public static final Attr IFLA_VXLAN_PORT = Attr.of("IFLA_VXLAN_PORT", 15, AttrType.BE16);
    public static final Attr IFLA_VXLAN_GROUP6 = Attr.of("IFLA_VXLAN_GROUP6", 16, AttrType.IN6_ADDR);
    public static final Attr IFLA_VXLAN_LOCAL6 = Attr.of("IFLA_VXLAN_LOCAL6", 17, AttrType.IN6_ADDR);
    public static final Attr IFLA_VXLAN_UDP_CSUM = Attr.of("IFLA_VXLAN_UDP_CSUM", 18, AttrType.U8);
    public static final Attr IFLA_VXLAN_UDP_ZERO_CSUM6_TX = Attr.of("IFLA_VXLAN_UDP_ZERO_CSUM6_TX", 19, AttrType.U8);
    public static final Attr IFLA_VXLAN_UDP_ZERO_CSUM6_RX = Attr.of("IFLA_VXLAN_UDP_ZERO_CSUM6_RX", 20, AttrType.U8);
    public static final Attr IFLA_VXLAN_REMCSUM_TX = Attr.of("IFLA_VXLAN_REMCSUM_TX", 21, AttrType.U8);
    public static final Attr IFLA_VXLAN_REMCSUM_RX = Attr.of("IFLA_VXLAN_REMCSUM_RX", 22, AttrType.U8);
    /** Sent as a flag; dumped as a flag only when set. */
    public static final Attr IFLA_VXLAN_GBP = Attr.of("IFLA_VXLAN_GBP", 23, AttrType.FLAG);
    public static final Attr IFLA_VXLAN_REMCSUM_NOPARTIAL = Attr.of("IFLA_VXLAN_REMCSUM_NOPARTIAL", 24, AttrType.FLAG);
    public static final Attr IFLA_VXLAN_COLLECT_METADATA = Attr.of("IFLA_VXLAN_COLLECT_METADATA", 25, AttrType.U8);
    public static final Attr IFLA_VXLAN_LABEL = Attr.of("IFLA_VXLAN_LABEL", 26, AttrType.BE32);
    public static final Attr IFLA_VXLAN_GPE = Attr.of("IFLA_VXLAN_GPE", 27, AttrType.FLAG);
    /** iproute2 sends a flag (NLA_FLAG in vxlan_policy); vxlan_fill_info dumps a u8 0/1. Decoded from either. */
    public static final Attr IFLA_VXLAN_TTL_INHERIT = Attr.of("IFLA_VXLAN_TTL_INHERIT", 28, AttrType.FLAG);
    public static final Attr IFLA_VXLAN_DF = Attr.of("IFLA_VXLAN_DF", 29, AttrType.U8);
    public static final Attr IFLA_VXLAN_VNIFILTER = Attr.of("IFLA_VXLAN_VNIFILTER", 30, AttrType.U8);
    // Newer than the 6.1 headers here, written by hand from the kernel's if_link.h (6.8+):
    public static final Attr IFLA_VXLAN_LOCALBYPASS = Attr.of("IFLA_VXLAN_LOCALBYPASS", 31, AttrType.U8);
    public static final Attr IFLA_VXLAN_LABEL_POLICY = Attr.of("IFLA_VXLAN_LABEL_POLICY", 32, AttrType.U32);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_VXLAN", IFLA_VXLAN_ID, IFLA_VXLAN_GROUP,
            IFLA_VXLAN_LINK, IFLA_VXLAN_LOCAL, IFLA_VXLAN_TTL, IFLA_VXLAN_TOS, IFLA_VXLAN_LEARNING, IFLA_VXLAN_AGEING,
            IFLA_VXLAN_LIMIT, IFLA_VXLAN_PORT_RANGE, IFLA_VXLAN_PROXY, IFLA_VXLAN_RSC, IFLA_VXLAN_L2MISS,
            IFLA_VXLAN_L3MISS, IFLA_VXLAN_PORT, IFLA_VXLAN_GROUP6, IFLA_VXLAN_LOCAL6, IFLA_VXLAN_UDP_CSUM,
            IFLA_VXLAN_UDP_ZERO_CSUM6_TX, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, IFLA_VXLAN_REMCSUM_TX,
            IFLA_VXLAN_REMCSUM_RX, IFLA_VXLAN_GBP, IFLA_VXLAN_REMCSUM_NOPARTIAL, IFLA_VXLAN_COLLECT_METADATA,
            IFLA_VXLAN_LABEL, IFLA_VXLAN_GPE, IFLA_VXLAN_TTL_INHERIT, IFLA_VXLAN_DF, IFLA_VXLAN_VNIFILTER,
            IFLA_VXLAN_LOCALBYPASS, IFLA_VXLAN_LABEL_POLICY);

    private static final ValueType TTL = ValueType.AnyOf.of(ValueType.choice("inherit"), ValueType.u8());
    private static final ValueType TOS = ValueType.AnyOf.of(ValueType.choice("inherit"), ValueType.u8());

    // The refusals are the kernel's answer (6.18) to an in-place change of each create-only option.
    /** tos 1 is how iproute2 sends {@code tos inherit}. */
    private static final Option.Convert TOS_INHERIT = Option.Convert.of(v -> (Long) v == 1 ? "inherit" : v,
            o -> "inherit".equals(o) ? 1L : o);

    /** ttl and ttlInherit as one config value; a number leaves the flag unset. */
    private static final TtlOrInherit TTL_FIELDS = new TtlOrInherit(Optional.empty());

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("id", ValueType.integer(0, (1 << 24) - 1), "3.7",
                    "IFLA_VXLAN_ID: the VXLAN network identifier (VNI); required unless external")
                    .attr(IFLA_VXLAN_ID).refusal("Cannot change VNI"),
            Option.inPlace("local", ValueType.ip(), "3.7",
                    "IFLA_VXLAN_LOCAL/LOCAL6: source address of the tunnel (IPv6 since 3.12)")
                    .codec(new Address(IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6, a -> true)),
            Option.inPlace("remote", ValueType.ip(), "3.7",
                    "IFLA_VXLAN_GROUP/GROUP6: unicast address of the far end (IPv6 since 3.12)")
                    .codec(new Address(IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, a -> !a.isMulticastAddress())),
            Option.inPlace("group", ValueType.ip(), "3.7",
                    "IFLA_VXLAN_GROUP/GROUP6: multicast group for flooding (needs dev; IPv6 since 3.12)")
                    .codec(new Address(IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, InetAddress::isMulticastAddress)),
            Option.inPlace("dev", ValueType.interfaceName(), "3.7",
                    "IFLA_VXLAN_LINK: the underlay device").codec(new Dev()),
            Option.createOnly("dstport", ValueType.u16(), "3.10",
                    "IFLA_VXLAN_PORT: UDP destination port (4789 is IANA's; 0 or unset: the kernel's 8472)")
                    .codec(new Dstport()).refusal("Cannot change port"),
            Option.createOnly("srcport", new ValueType.ListOf(ValueType.integer(1, 0xffff)), "3.8",
                    "IFLA_VXLAN_PORT_RANGE: UDP source port range [low, high]")
                    .codec(new SourcePorts()).convert(new SourcePorts())
                    .ip(v -> List.of("srcport", Integer.toString(((PortRange) v).low()),
                            Integer.toString(((PortRange) v).high())))
                    .refusal("Cannot change port range"),
            Option.inPlace("ttl", TTL, "3.7",
                    "IFLA_VXLAN_TTL: outer TTL (0: auto), or inherit (IFLA_VXLAN_TTL_INHERIT, 4.18; switching "
                            + "between a number and inherit re-creates)")
                    .fields(TTL_FIELDS, "ttl", "ttlInherit").codec(new Ttl()),
            Option.inPlace("tos", TOS, "3.7", "IFLA_VXLAN_TOS: outer TOS, or inherit from the inner packet")
                    .attr(IFLA_VXLAN_TOS).convert(TOS_INHERIT)
                    .ip(v -> List.of("tos", (Long) v == 1 ? "inherit" : String.format("0x%x", v))),
            Option.inPlace("flowlabel", ValueType.integer(0, 0xfffff), "4.6",
                    "IFLA_VXLAN_LABEL: IPv6 flow label of the outer header").attr(IFLA_VXLAN_LABEL),
            Option.inPlace("learning", ValueType.bool(), "3.7",
                    "IFLA_VXLAN_LEARNING: learn remote MACs into the forwarding database").attr(IFLA_VXLAN_LEARNING),
            Option.createOnly("proxy", ValueType.bool(), "3.8", "IFLA_VXLAN_PROXY: answer ARP/ND from the fdb")
                    .attr(IFLA_VXLAN_PROXY).refusal("vxlan: cannot change PROXY flag"),
            Option.createOnly("l2miss", ValueType.bool(), "3.8",
                    "IFLA_VXLAN_L2MISS: notify user space of unknown destination MACs")
                    .attr(IFLA_VXLAN_L2MISS).refusal("vxlan: cannot change L2MISS flag"),
            Option.createOnly("l3miss", ValueType.bool(), "3.8",
                    "IFLA_VXLAN_L3MISS: notify user space of unknown destination IPs")
                    .attr(IFLA_VXLAN_L3MISS).refusal("vxlan: cannot change L3MISS flag"),
            Option.inPlace("ageing", ValueType.u32(), "3.7",
                    "IFLA_VXLAN_AGEING: seconds a learned fdb entry lives (0: forever)").attr(IFLA_VXLAN_AGEING),
            Option.createOnly("maxaddress", ValueType.u32(), "3.7",
                    "IFLA_VXLAN_LIMIT: most fdb entries (0: unlimited)")
                    .attr(IFLA_VXLAN_LIMIT).refusal("Cannot change limit"),
            Option.createOnly("udpcsum", ValueType.bool(), "3.16",
                    "IFLA_VXLAN_UDP_CSUM: compute UDP checksums over IPv4")
                    .attr(IFLA_VXLAN_UDP_CSUM).refusal("Cannot change UDP_CSUM flag"),
            Option.createOnly("udp6zerocsumtx", ValueType.bool(), "3.16",
                    "IFLA_VXLAN_UDP_ZERO_CSUM6_TX: send zero UDP checksums over IPv6")
                    .attr(IFLA_VXLAN_UDP_ZERO_CSUM6_TX).refusal("vxlan: cannot change UDP_ZERO_CSUM6_TX flag"),
            Option.createOnly("udp6zerocsumrx", ValueType.bool(), "3.16",
                    "IFLA_VXLAN_UDP_ZERO_CSUM6_RX: accept zero UDP checksums over IPv6")
                    .attr(IFLA_VXLAN_UDP_ZERO_CSUM6_RX).refusal("vxlan: cannot change UDP_ZERO_CSUM6_RX flag"),
            Option.createOnly("gbp", ValueType.bool(), "4.0",
                    "IFLA_VXLAN_GBP: group based policy extension")
                    // a flag: there is no "nogbp"
                    .codec(new Gbp()).ip(v -> (Boolean) v ? List.of("gbp") : List.of())
                    .refusal("vxlan: cannot change GBP flag"),
            Option.createOnly("external", ValueType.bool(), "4.3",
                    "IFLA_VXLAN_COLLECT_METADATA: metadata mode for lightweight tunnels (no id)")
                    .attr(IFLA_VXLAN_COLLECT_METADATA).refusal("vxlan: cannot change COLLECT_METADATA flag"));

    public static final VxlanKind INSTANCE = new VxlanKind();

    private VxlanKind() {
        super("vxlan", VxlanSpec.class, SPACE, OPTIONS);
        // iproute2's order on the wire: the options as the command line gives them, except id, local, remote/group,
        // learning and dstport, which it writes after all the others.
        wireOrder("dev", "srcport", "ttl", "tos", "flowlabel", "proxy", "l2miss", "l3miss", "ageing", "maxaddress",
                "udpcsum", "udp6zerocsumtx", "udp6zerocsumrx", "gbp", "external", "id", "local", "remote", "group",
                "learning", "dstport");
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        Optional<Long> id = v.integer("id");
        boolean external = v.bool("external").orElse(false);
        if (external && id.isPresent()) {
            problems.add("id", "id and external exclude each other: an external (metadata) vxlan takes the VNI "
                    + "from each packet's route");
        } else if (!external && id.isEmpty()) {
            problems.add(null, "a vxlan needs an id (vxlan: { id: VNI }) unless it is external");
        }
        Optional<InetAddress> remote = v.ip("remote");
        Optional<InetAddress> group = v.ip("group");
        Optional<InetAddress> local = v.ip("local");
        if (remote.isPresent() && group.isPresent()) {
            problems.add("group", "remote and group exclude each other: a vxlan floods to one unicast remote or "
                    + "to one multicast group");
        }
        remote.filter(InetAddress::isMulticastAddress).ifPresent(a -> problems.add("remote",
                "remote " + IpText.format(a) + " is a multicast address; use group for a multicast group"));
        group.filter(a -> !a.isMulticastAddress()).ifPresent(a -> problems.add("group",
                "group " + IpText.format(a) + " is not a multicast address; use remote for a unicast peer"));
        local.filter(InetAddress::isMulticastAddress).ifPresent(a -> problems.add("local",
                "local " + IpText.format(a) + " is a multicast address"));
        if (group.isPresent() && v.string("dev").isEmpty()) {
            problems.add("group", "a multicast group needs dev: the underlay device to join it on");
        }
        Optional<InetAddress> far = remote.or(() -> group);
        if (local.isPresent() && far.isPresent() && isV6(local.get()) != isV6(far.get())) {
            problems.add("local", "local " + IpText.format(local.get()) + " and "
                    + (remote.isPresent() ? "remote " : "group ") + IpText.format(far.get())
                    + " must both be IPv4 or both IPv6");
        }
        if (v.has("flowlabel") && !(local.map(VxlanKind::isV6).orElse(false) || far.map(VxlanKind::isV6)
                .orElse(false))) {
            problems.add("flowlabel", "flowlabel applies only to an IPv6 vxlan (an IPv6 local, remote or group)");
        }
        List<Long> ports = v.list("srcport", Long.class);
        if (v.has("srcport")) {
            if (ports.size() != 2) {
                problems.add("srcport", "srcport takes two ports, [low, high], not " + ports.size());
            } else if (ports.get(0) > ports.get(1)) {
                problems.add("srcport", "srcport low " + ports.get(0) + " is above high " + ports.get(1));
            }
        }
    }

    @Override
    public boolean writesInfoData(VxlanSpec spec) {
        return true; // IFLA_VXLAN_LEARNING at least, as iproute2
    }

    /** iproute2 always sends learning on create: 1 (the kernel's default too), 0 with external. */
    @Override
    public void encodeCreate(VxlanSpec s, EncodeContext ctx, MessageWriter w) {
        boolean external = s.external().orElse(false);
        super.encodeCreate(withOption(s, "learning", s.learning().orElse(!external)), ctx, w);
    }

    /** An address in the attribute of its family; on decode, 0.0.0.0 and :: stand for none. */
    private record Address(Attr v4, Attr v6, Predicate<InetAddress> mine) implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            InetAddress a = (InetAddress) value;
            w.putAddress(isV6(a) ? v6 : v4, a);
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            Optional<InetAddress> a = nonZero(d.address(v4));
            return (a.isPresent() ? a : nonZero(d.address(v6))).filter(mine);
        }

        private static Optional<InetAddress> nonZero(Optional<InetAddress> a) {
            return a.filter(x -> !x.isAnyLocalAddress());
        }
    }

    /** IFLA_VXLAN_LINK: an ifindex; 0 is none. */
    private static final class Dev implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            w.putInt(IFLA_VXLAN_LINK, ctx.ifindex((String) value));
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            long link = d.integer(IFLA_VXLAN_LINK, 0);
            return link == 0 ? Optional.empty() : Optional.of(ctx.nameOf((int) link).orElse("ifindex " + link));
        }
    }

    /** IFLA_VXLAN_PORT; 0, the kernel's default, is not sent. */
    private static final class Dstport implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            if ((Long) value != 0) {
                w.putInt(IFLA_VXLAN_PORT, (Long) value);
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            return d.integer(IFLA_VXLAN_PORT);
        }
    }

    /** IFLA_VXLAN_PORT_RANGE (two be16) and the config's [low, high]. */
    private static final class SourcePorts implements OptionCodec, Option.Convert {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            PortRange r = (PortRange) value;
            w.putBytes(IFLA_VXLAN_PORT_RANGE,
                    new byte[] {(byte) (r.low() >> 8), (byte) r.low(), (byte) (r.high() >> 8), (byte) r.high()});
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            Optional<byte[]> range = d.bytes(IFLA_VXLAN_PORT_RANGE);
            if (range.isEmpty()) {
                return Optional.empty();
            }
            byte[] b = range.get();
            if (b.length != 4) {
                throw new MalformedMessageException("IFLA_VXLAN_PORT_RANGE: 4 bytes expected, got " + b.length);
            }
            int low = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int high = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            // 0 0: the kernel's ephemeral range
            return low != 0 || high != 0 ? Optional.of(new PortRange(low, high)) : Optional.empty();
        }

        @Override
        public Object toOption(Object specValue) {
            PortRange r = (PortRange) specValue;
            return List.of((long) r.low(), (long) r.high());
        }

        /** A range, or null for what {@link #validate} refused (not two ports, low above high). */
        @Override
        public Object toSpec(Object optionValue) {
            List<?> ports = (List<?>) optionValue;
            if (ports.size() != 2 || (Long) ports.get(0) > (Long) ports.get(1)) {
                return null;
            }
            return new PortRange((int) (long) (Long) ports.get(0), (int) (long) (Long) ports.get(1));
        }
    }

    /**
     * ttl: a number in IFLA_VXLAN_TTL, or inherit: IFLA_VXLAN_TTL_INHERIT, which iproute2 sends as a flag and the
     * kernel dumps as a u8 0/1 (decoded from either). Switching needs a re-create, so a change sends numbers only.
     */
    private static final class Ttl implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            if ("inherit".equals(value)) {
                w.putFlag(IFLA_VXLAN_TTL_INHERIT);
            } else {
                w.putInt(IFLA_VXLAN_TTL, (Long) value);
            }
        }

        @Override
        public void encodeChange(Object value, EncodeContext ctx, MessageWriter w) {
            if (!"inherit".equals(value)) {
                w.putInt(IFLA_VXLAN_TTL, (Long) value);
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            Optional<RawAttr> inherit = d.raw(IFLA_VXLAN_TTL_INHERIT);
            if (inherit.isPresent()
                    && (inherit.get().length() == 0 || Attrs.readInteger(IFLA_VXLAN_TTL, inherit.get()) != 0)) {
                return Optional.of("inherit");
            }
            return d.integer(IFLA_VXLAN_TTL);
        }
    }

    /** IFLA_VXLAN_GBP: a flag, sent only when on; in a dump its absence says off (in an empty request, nothing). */
    private static final class Gbp implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            if ((Boolean) value) {
                w.putFlag(IFLA_VXLAN_GBP);
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) {
            return d.isEmpty() ? Optional.empty() : Optional.of(d.has(IFLA_VXLAN_GBP));
        }
    }

    private static boolean isV6(InetAddress a) {
        return a instanceof Inet6Address;
    }

    /**
     * The table's rule with the kernel's reasons, plus rules that depend on values: an address that changes
     * family, and a ttl that switches between a number and inherit, need a re-create; {@code dstport: 0} (the
     * kernel's default, not sent) is not compared.
     */
    @Override
    public List<Difference> differences(VxlanSpec desired, VxlanSpec observed) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : super.differences(desired, observed)) {
            String key = d.key();
            if (key.equals("dstport") && Long.valueOf(0).equals(d.desired())) {
                continue; // dstport 0: the kernel's default port, whatever it is (8472, or 4790 with gpe)
            }
            if (d.change() == Option.Change.RECREATE) {
                out.add(d);
            } else if (key.equals("ttl") && ("inherit".equals(d.desired()) || "inherit".equals(d.observed()))) {
                out.add(new Difference(key, d.desired(), d.observed(), Option.Change.RECREATE,
                        "vxlan: cannot change TTL_INHERIT flag"));
            } else if (key.equals("local") && familyChanges(d)) {
                out.add(new Difference(key, d.desired(), d.observed(), Option.Change.RECREATE,
                        "New local address family does not match old"));
            } else if ((key.equals("remote") || key.equals("group")) && familyChanges(desired, observed)) {
                out.add(new Difference(key, d.desired(), d.observed(), Option.Change.RECREATE,
                        "New group address family does not match old group"));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean familyChanges(Difference d) {
        return d.observed() instanceof InetAddress o && d.desired() instanceof InetAddress w && isV6(o) != isV6(w);
    }

    private static boolean familyChanges(VxlanSpec desired, VxlanSpec observed) {
        Optional<InetAddress> want = desired.remote().or(desired::group);
        Optional<InetAddress> have = observed.remote().or(observed::group);
        return want.isPresent() && have.isPresent() && (want.get() instanceof Inet4Address)
                != (have.get() instanceof Inet4Address);
    }
}
