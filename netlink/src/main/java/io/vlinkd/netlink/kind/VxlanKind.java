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
import java.util.Map;
import java.util.Optional;

/**
 * VXLAN (drivers/net/vxlan/vxlan_core.c). See {@link VxlanSpec} for a config example and the equivalent {@code ip}
 * command.
 *
 * <p>What changes in place was tried on 6.18 ({@code ip link set vx0 type vxlan ...}, see {@link #REFUSALS}):
 * local, remote/group, dev, a numeric ttl, tos, flowlabel, learning and ageing change; the rest is refused by
 * {@code vxlan_nl2conf} with the extack text kept in {@link #REFUSALS}. Value rules on top of the table: an address
 * may not change family ("New local address family does not match old"), and ttl may not switch between a number
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

    /** The kernel's answer (6.18) to an in-place change of each create-only option. */
    static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("id", "Cannot change VNI"),
            Map.entry("dstport", "Cannot change port"),
            Map.entry("srcport", "Cannot change port range"),
            Map.entry("maxaddress", "Cannot change limit"),
            Map.entry("proxy", "vxlan: cannot change PROXY flag"),
            Map.entry("l2miss", "vxlan: cannot change L2MISS flag"),
            Map.entry("l3miss", "vxlan: cannot change L3MISS flag"),
            Map.entry("udpcsum", "Cannot change UDP_CSUM flag"),
            Map.entry("udp6zerocsumtx", "vxlan: cannot change UDP_ZERO_CSUM6_TX flag"),
            Map.entry("udp6zerocsumrx", "vxlan: cannot change UDP_ZERO_CSUM6_RX flag"),
            Map.entry("gbp", "vxlan: cannot change GBP flag"),
            Map.entry("external", "vxlan: cannot change COLLECT_METADATA flag"));

    private static final ValueType TTL = ValueType.AnyOf.of(ValueType.choice("inherit"), ValueType.u8());
    private static final ValueType TOS = ValueType.AnyOf.of(ValueType.choice("inherit"), ValueType.u8());

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("id", ValueType.integer(0, (1 << 24) - 1), "3.7",
                    "IFLA_VXLAN_ID: the VXLAN network identifier (VNI); required unless external"),
            Option.inPlace("local", ValueType.ip(), "3.7",
                    "IFLA_VXLAN_LOCAL/LOCAL6: source address of the tunnel (IPv6 since 3.12)"),
            Option.inPlace("remote", ValueType.ip(), "3.7",
                    "IFLA_VXLAN_GROUP/GROUP6: unicast address of the far end (IPv6 since 3.12)"),
            Option.inPlace("group", ValueType.ip(), "3.7",
                    "IFLA_VXLAN_GROUP/GROUP6: multicast group for flooding (needs dev; IPv6 since 3.12)"),
            Option.inPlace("dev", ValueType.interfaceName(), "3.7",
                    "IFLA_VXLAN_LINK: the underlay device"),
            Option.createOnly("dstport", ValueType.u16(), "3.10",
                    "IFLA_VXLAN_PORT: UDP destination port (4789 is IANA's; 0 or unset: the kernel's 8472)"),
            Option.createOnly("srcport", new ValueType.ListOf(ValueType.integer(1, 0xffff)), "3.8",
                    "IFLA_VXLAN_PORT_RANGE: UDP source port range [low, high]"),
            Option.inPlace("ttl", TTL, "3.7",
                    "IFLA_VXLAN_TTL: outer TTL (0: auto), or inherit (IFLA_VXLAN_TTL_INHERIT, 4.18; switching "
                            + "between a number and inherit re-creates)").fields("ttl", "ttlInherit"),
            Option.inPlace("tos", TOS, "3.7", "IFLA_VXLAN_TOS: outer TOS, or inherit from the inner packet"),
            Option.inPlace("flowlabel", ValueType.integer(0, 0xfffff), "4.6",
                    "IFLA_VXLAN_LABEL: IPv6 flow label of the outer header"),
            Option.inPlace("learning", ValueType.bool(), "3.7",
                    "IFLA_VXLAN_LEARNING: learn remote MACs into the forwarding database"),
            Option.createOnly("proxy", ValueType.bool(), "3.8", "IFLA_VXLAN_PROXY: answer ARP/ND from the fdb"),
            Option.createOnly("l2miss", ValueType.bool(), "3.8",
                    "IFLA_VXLAN_L2MISS: notify user space of unknown destination MACs"),
            Option.createOnly("l3miss", ValueType.bool(), "3.8",
                    "IFLA_VXLAN_L3MISS: notify user space of unknown destination IPs"),
            Option.inPlace("ageing", ValueType.u32(), "3.7",
                    "IFLA_VXLAN_AGEING: seconds a learned fdb entry lives (0: forever)"),
            Option.createOnly("maxaddress", ValueType.u32(), "3.7",
                    "IFLA_VXLAN_LIMIT: most fdb entries (0: unlimited)"),
            Option.createOnly("udpcsum", ValueType.bool(), "3.16",
                    "IFLA_VXLAN_UDP_CSUM: compute UDP checksums over IPv4"),
            Option.createOnly("udp6zerocsumtx", ValueType.bool(), "3.16",
                    "IFLA_VXLAN_UDP_ZERO_CSUM6_TX: send zero UDP checksums over IPv6"),
            Option.createOnly("udp6zerocsumrx", ValueType.bool(), "3.16",
                    "IFLA_VXLAN_UDP_ZERO_CSUM6_RX: accept zero UDP checksums over IPv6"),
            Option.createOnly("gbp", ValueType.bool(), "4.0",
                    "IFLA_VXLAN_GBP: group based policy extension"),
            Option.createOnly("external", ValueType.bool(), "4.3",
                    "IFLA_VXLAN_COLLECT_METADATA: metadata mode for lightweight tunnels (no id)"));

    public static final VxlanKind INSTANCE = new VxlanKind();

    private VxlanKind() {
        super("vxlan", VxlanSpec.class, SPACE, OPTIONS);
    }

    @Override
    public VxlanSpec fromOptions(OptionValues v, LinkCommon common, Problems problems) {
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
        Optional<PortRange> srcport = Optional.empty();
        List<Long> ports = v.list("srcport", Long.class);
        if (v.has("srcport")) {
            if (ports.size() != 2) {
                problems.add("srcport", "srcport takes two ports, [low, high], not " + ports.size());
            } else if (ports.get(0) > ports.get(1)) {
                problems.add("srcport", "srcport low " + ports.get(0) + " is above high " + ports.get(1));
            } else {
                srcport = Optional.of(new PortRange((int) (long) ports.get(0), (int) (long) ports.get(1)));
            }
        }
        Optional<Long> ttl = Optional.empty();
        Optional<Boolean> ttlInherit = Optional.empty();
        Optional<Object> ttlValue = v.get("ttl");
        if (ttlValue.isPresent()) {
            if ("inherit".equals(ttlValue.get())) {
                ttlInherit = Optional.of(true);
            } else {
                ttl = Optional.of((Long) ttlValue.get());
            }
        }
        Optional<Long> tos = v.get("tos").map(t -> "inherit".equals(t) ? 1L : (Long) t);
        return new VxlanSpec(id, local, remote, group, v.string("dev"), v.integer("dstport"), srcport, ttl,
                ttlInherit, tos, v.integer("flowlabel"), v.bool("learning"), v.bool("proxy"), v.bool("l2miss"),
                v.bool("l3miss"), v.integer("ageing"), v.integer("maxaddress"), v.bool("udpcsum"),
                v.bool("udp6zerocsumtx"), v.bool("udp6zerocsumrx"), v.bool("gbp"), v.bool("external"));
    }

    @Override
    public OptionValues toOptions(VxlanSpec s) {
        Optional<Object> ttl = s.ttlInherit().orElse(false) ? Optional.of("inherit") : s.ttl().map(t -> t);
        return OptionValues.builder()
                .put("id", s.id())
                .put("local", s.local())
                .put("remote", s.remote())
                .put("group", s.group())
                .put("dev", s.dev())
                .put("dstport", s.dstport())
                .put("srcport", s.srcport().map(r -> List.of((long) r.low(), (long) r.high())))
                .put("ttl", ttl)
                .put("tos", s.tos().map(t -> t == 1 ? (Object) "inherit" : (Object) t))
                .put("flowlabel", s.flowlabel())
                .put("learning", s.learning())
                .put("proxy", s.proxy())
                .put("l2miss", s.l2miss())
                .put("l3miss", s.l3miss())
                .put("ageing", s.ageing())
                .put("maxaddress", s.maxaddress())
                .put("udpcsum", s.udpcsum())
                .put("udp6zerocsumtx", s.udp6zerocsumtx())
                .put("udp6zerocsumrx", s.udp6zerocsumrx())
                .put("gbp", s.gbp())
                .put("external", s.external())
                .build();
    }

    @Override
    public boolean writesInfoData(VxlanSpec spec) {
        return true; // IFLA_VXLAN_LEARNING at least, as iproute2
    }

    @Override
    public void encodeCreate(VxlanSpec s, EncodeContext ctx, MessageWriter w) {
        s.dev().ifPresent(d -> w.putInt(IFLA_VXLAN_LINK, ctx.ifindex(d)));
        s.srcport().ifPresent(r -> w.putBytes(IFLA_VXLAN_PORT_RANGE, portRange(r)));
        if (s.ttlInherit().orElse(false)) {
            w.putFlag(IFLA_VXLAN_TTL_INHERIT);
        } else {
            s.ttl().ifPresent(t -> w.putInt(IFLA_VXLAN_TTL, t));
        }
        s.tos().ifPresent(t -> w.putInt(IFLA_VXLAN_TOS, t));
        s.flowlabel().ifPresent(l -> w.putInt(IFLA_VXLAN_LABEL, l));
        s.proxy().ifPresent(b -> w.putInt(IFLA_VXLAN_PROXY, b ? 1 : 0));
        s.l2miss().ifPresent(b -> w.putInt(IFLA_VXLAN_L2MISS, b ? 1 : 0));
        s.l3miss().ifPresent(b -> w.putInt(IFLA_VXLAN_L3MISS, b ? 1 : 0));
        s.ageing().ifPresent(a -> w.putInt(IFLA_VXLAN_AGEING, a));
        s.maxaddress().ifPresent(m -> w.putInt(IFLA_VXLAN_LIMIT, m));
        s.udpcsum().ifPresent(b -> w.putInt(IFLA_VXLAN_UDP_CSUM, b ? 1 : 0));
        s.udp6zerocsumtx().ifPresent(b -> w.putInt(IFLA_VXLAN_UDP_ZERO_CSUM6_TX, b ? 1 : 0));
        s.udp6zerocsumrx().ifPresent(b -> w.putInt(IFLA_VXLAN_UDP_ZERO_CSUM6_RX, b ? 1 : 0));
        if (s.gbp().orElse(false)) {
            w.putFlag(IFLA_VXLAN_GBP); // a flag: there is no "nogbp"
        }
        s.external().ifPresent(b -> w.putInt(IFLA_VXLAN_COLLECT_METADATA, b ? 1 : 0));
        s.id().ifPresent(i -> w.putInt(IFLA_VXLAN_ID, i));
        writeAddresses(s, w);
        // iproute2 always sends learning on create: 1 (the kernel's default too), 0 with external.
        boolean external = s.external().orElse(false);
        w.putInt(IFLA_VXLAN_LEARNING, s.learning().orElse(!external) ? 1 : 0);
        s.dstport().filter(p -> p != 0).ifPresent(p -> w.putInt(IFLA_VXLAN_PORT, p));
    }

    @Override
    public void encodeChange(VxlanSpec s, EncodeContext ctx, MessageWriter w) {
        s.dev().ifPresent(d -> w.putInt(IFLA_VXLAN_LINK, ctx.ifindex(d)));
        if (!s.ttlInherit().orElse(false)) {
            s.ttl().ifPresent(t -> w.putInt(IFLA_VXLAN_TTL, t));
        }
        s.tos().ifPresent(t -> w.putInt(IFLA_VXLAN_TOS, t));
        s.flowlabel().ifPresent(l -> w.putInt(IFLA_VXLAN_LABEL, l));
        s.ageing().ifPresent(a -> w.putInt(IFLA_VXLAN_AGEING, a));
        writeAddresses(s, w);
        s.learning().ifPresent(b -> w.putInt(IFLA_VXLAN_LEARNING, b ? 1 : 0));
    }

    private static void writeAddresses(VxlanSpec s, MessageWriter w) {
        s.local().ifPresent(a -> w.putAddress(isV6(a) ? IFLA_VXLAN_LOCAL6 : IFLA_VXLAN_LOCAL, a));
        s.remote().or(s::group).ifPresent(a -> w.putAddress(isV6(a) ? IFLA_VXLAN_GROUP6 : IFLA_VXLAN_GROUP, a));
    }

    private static byte[] portRange(PortRange r) {
        return new byte[] {(byte) (r.low() >> 8), (byte) r.low(), (byte) (r.high() >> 8), (byte) r.high()};
    }

    @Override
    public VxlanSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Optional<InetAddress> far = nonZero(d.address(IFLA_VXLAN_GROUP));
        if (far.isEmpty()) {
            far = nonZero(d.address(IFLA_VXLAN_GROUP6));
        }
        Optional<InetAddress> local = nonZero(d.address(IFLA_VXLAN_LOCAL));
        if (local.isEmpty()) {
            local = nonZero(d.address(IFLA_VXLAN_LOCAL6));
        }
        Optional<String> dev = Optional.empty();
        long link = d.integer(IFLA_VXLAN_LINK, 0);
        if (link != 0) {
            dev = Optional.of(ctx.nameOf((int) link).orElse("ifindex " + link));
        }
        Optional<PortRange> srcport = Optional.empty();
        Optional<byte[]> range = d.bytes(IFLA_VXLAN_PORT_RANGE);
        if (range.isPresent()) {
            byte[] b = range.get();
            if (b.length != 4) {
                throw new MalformedMessageException("IFLA_VXLAN_PORT_RANGE: 4 bytes expected, got " + b.length);
            }
            int low = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int high = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if (low != 0 || high != 0) { // 0 0: the kernel's ephemeral range
                srcport = Optional.of(new PortRange(low, high));
            }
        }
        Optional<Boolean> ttlInherit = Optional.empty();
        Optional<RawAttr> inherit = d.raw(IFLA_VXLAN_TTL_INHERIT);
        if (inherit.isPresent()) {
            RawAttr r = inherit.get();
            ttlInherit = Optional.of(r.length() == 0 || Attrs.readInteger(IFLA_VXLAN_TTL, r) != 0);
        }
        return new VxlanSpec(d.integer(IFLA_VXLAN_ID),
                local,
                far.filter(a -> !a.isMulticastAddress()),
                far.filter(InetAddress::isMulticastAddress),
                dev,
                d.integer(IFLA_VXLAN_PORT),
                srcport,
                d.integer(IFLA_VXLAN_TTL),
                ttlInherit,
                d.integer(IFLA_VXLAN_TOS),
                d.integer(IFLA_VXLAN_LABEL),
                bool(d, IFLA_VXLAN_LEARNING),
                bool(d, IFLA_VXLAN_PROXY),
                bool(d, IFLA_VXLAN_L2MISS),
                bool(d, IFLA_VXLAN_L3MISS),
                d.integer(IFLA_VXLAN_AGEING),
                d.integer(IFLA_VXLAN_LIMIT),
                bool(d, IFLA_VXLAN_UDP_CSUM),
                bool(d, IFLA_VXLAN_UDP_ZERO_CSUM6_TX),
                bool(d, IFLA_VXLAN_UDP_ZERO_CSUM6_RX),
                // A flag, dumped only when set: its absence in a dump says "off"; in an empty request, nothing.
                d.isEmpty() ? Optional.empty() : Optional.of(d.has(IFLA_VXLAN_GBP)),
                bool(d, IFLA_VXLAN_COLLECT_METADATA));
    }

    private static Optional<Boolean> bool(Attrs d, Attr a) throws MalformedMessageException {
        return d.integer(a).map(x -> x != 0);
    }

    /** 0.0.0.0 and :: stand for "none" in a dump. */
    private static Optional<InetAddress> nonZero(Optional<InetAddress> a) {
        return a.filter(x -> !x.isAnyLocalAddress());
    }

    private static boolean isV6(InetAddress a) {
        return a instanceof Inet6Address;
    }

    @Override
    public List<String> ipArgs(VxlanSpec s) {
        List<String> a = new ArrayList<>();
        s.id().ifPresent(i -> add(a, "id", i.toString()));
        s.local().ifPresent(x -> add(a, "local", IpText.format(x)));
        s.remote().ifPresent(x -> add(a, "remote", IpText.format(x)));
        s.group().ifPresent(x -> add(a, "group", IpText.format(x)));
        s.dev().ifPresent(x -> add(a, "dev", x));
        s.dstport().ifPresent(p -> add(a, "dstport", p.toString()));
        s.srcport().ifPresent(r -> {
            a.add("srcport");
            a.add(Integer.toString(r.low()));
            a.add(Integer.toString(r.high()));
        });
        if (s.ttlInherit().orElse(false)) {
            add(a, "ttl", "inherit");
        } else {
            s.ttl().ifPresent(t -> add(a, "ttl", t.toString()));
        }
        s.tos().ifPresent(t -> add(a, "tos", t == 1 ? "inherit" : String.format("0x%x", t)));
        s.flowlabel().ifPresent(l -> add(a, "flowlabel", l.toString()));
        s.learning().ifPresent(b -> a.add(b ? "learning" : "nolearning"));
        s.proxy().ifPresent(b -> a.add(b ? "proxy" : "noproxy"));
        s.l2miss().ifPresent(b -> a.add(b ? "l2miss" : "nol2miss"));
        s.l3miss().ifPresent(b -> a.add(b ? "l3miss" : "nol3miss"));
        s.ageing().ifPresent(x -> add(a, "ageing", x.toString()));
        s.maxaddress().ifPresent(x -> add(a, "maxaddress", x.toString()));
        s.udpcsum().ifPresent(b -> a.add(b ? "udpcsum" : "noudpcsum"));
        s.udp6zerocsumtx().ifPresent(b -> a.add(b ? "udp6zerocsumtx" : "noudp6zerocsumtx"));
        s.udp6zerocsumrx().ifPresent(b -> a.add(b ? "udp6zerocsumrx" : "noudp6zerocsumrx"));
        if (s.gbp().orElse(false)) {
            a.add("gbp");
        }
        s.external().ifPresent(b -> a.add(b ? "external" : "noexternal"));
        return a;
    }

    private static void add(List<String> args, String word, String value) {
        args.add(word);
        args.add(value);
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
                out.add(new Difference(key, d.desired(), d.observed(), d.change(), REFUSALS.get(key)));
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
