package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Geneve tunnel (drivers/net/geneve.c). See {@link GeneveSpec} for a config example. This machine's kernel has no
 * geneve; the kernel tests run in the full-kernel lane.
 *
 * <p>In place or re-create, from the kernel's {@code geneve_changelink} and {@code geneve_nl2info(changelink=true)}:
 * the remote (within its family), ttl (or inherit), tos, df and label change in place; the VNI, dstport, external,
 * the UDP checksum options and inner-proto-inherit are refused ("Changing VNI, Port, endpoint IP address family,
 * external, inner_proto_inherit, and UDP checksum attributes are not supported", EOPNOTSUPP), and so is a remote of
 * the other family; a device in metadata mode ({@code external}) takes no change at all. A change therefore sends
 * only the in-place options that differ.
 *
 * <p>Encoding follows iproute2 6.1 (ip/iplink_geneve.c): df and ttl inherit first when given, then id, the remote,
 * label, ttl and tos (always, 0 when not given), dstport, external, the checksum options and inner-proto-inherit.
 */
public final class GeneveKind extends AbstractLinkKind<GeneveSpec> {
    // enum IFLA_GENEVE_* in <linux/if_link.h>; geneve_policy in drivers/net/geneve.c.
    public static final Attr IFLA_GENEVE_ID = Attr.of("IFLA_GENEVE_ID", 1, AttrType.U32);
    public static final Attr IFLA_GENEVE_REMOTE = Attr.of("IFLA_GENEVE_REMOTE", 2, AttrType.IN_ADDR);
    public static final Attr IFLA_GENEVE_TTL = Attr.of("IFLA_GENEVE_TTL", 3, AttrType.U8);
    public static final Attr IFLA_GENEVE_TOS = Attr.of("IFLA_GENEVE_TOS", 4, AttrType.U8);
    public static final Attr IFLA_GENEVE_PORT = Attr.of("IFLA_GENEVE_PORT", 5, AttrType.BE16);
    public static final Attr IFLA_GENEVE_COLLECT_METADATA = Attr.of("IFLA_GENEVE_COLLECT_METADATA", 6, AttrType.FLAG);
    public static final Attr IFLA_GENEVE_REMOTE6 = Attr.of("IFLA_GENEVE_REMOTE6", 7, AttrType.IN6_ADDR);
    public static final Attr IFLA_GENEVE_UDP_CSUM = Attr.of("IFLA_GENEVE_UDP_CSUM", 8, AttrType.U8);
    public static final Attr IFLA_GENEVE_UDP_ZERO_CSUM6_TX = Attr.of("IFLA_GENEVE_UDP_ZERO_CSUM6_TX", 9, AttrType.U8);
    public static final Attr IFLA_GENEVE_UDP_ZERO_CSUM6_RX = Attr.of("IFLA_GENEVE_UDP_ZERO_CSUM6_RX", 10, AttrType.U8);
    public static final Attr IFLA_GENEVE_LABEL = Attr.of("IFLA_GENEVE_LABEL", 11, AttrType.BE32);
    public static final Attr IFLA_GENEVE_TTL_INHERIT = Attr.of("IFLA_GENEVE_TTL_INHERIT", 12, AttrType.U8);
    public static final Attr IFLA_GENEVE_DF = Attr.of("IFLA_GENEVE_DF", 13, AttrType.U8);
    public static final Attr IFLA_GENEVE_INNER_PROTO_INHERIT =
            Attr.of("IFLA_GENEVE_INNER_PROTO_INHERIT", 14, AttrType.FLAG);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_GENEVE", IFLA_GENEVE_ID, IFLA_GENEVE_REMOTE,
            IFLA_GENEVE_TTL, IFLA_GENEVE_TOS, IFLA_GENEVE_PORT, IFLA_GENEVE_COLLECT_METADATA, IFLA_GENEVE_REMOTE6,
            IFLA_GENEVE_UDP_CSUM, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, IFLA_GENEVE_UDP_ZERO_CSUM6_RX, IFLA_GENEVE_LABEL,
            IFLA_GENEVE_TTL_INHERIT, IFLA_GENEVE_DF, IFLA_GENEVE_INNER_PROTO_INHERIT);

    private static final String REFUSAL = "Changing VNI, Port, endpoint IP address family, external, "
            + "inner_proto_inherit, and UDP checksum attributes are not supported";
    /** enum ifla_geneve_df. */
    private static final Words DF = Words.of("df-", "unset", 0, "set", 1, "inherit", 2);

    /** ttl and ttlInherit as one config value; a number leaves the flag false. */
    private static final TtlOrInherit TTL_FIELDS = new TtlOrInherit(Optional.of(false));

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("id", ValueType.integer(0, 0xffffff), "4.3",
                    "IFLA_GENEVE_ID: the virtual network identifier (required unless external)")
                    .attr(IFLA_GENEVE_ID).refusal(REFUSAL),
            Option.inPlace("remote", ValueType.ip(), "4.3",
                    "IFLA_GENEVE_REMOTE / IFLA_GENEVE_REMOTE6: the remote endpoint (unicast; a change of family "
                            + "re-creates)").codec(new Remote()),
            Option.inPlace("ttl", ValueType.AnyOf.of(ValueType.choice("inherit"), ValueType.u8()), "4.3",
                    "IFLA_GENEVE_TTL: outer TTL (0: the route's), or inherit (IFLA_GENEVE_TTL_INHERIT, 4.20)")
                    .fields(TTL_FIELDS, "ttl", "ttlInherit").codec(new Ttl()),
            Option.inPlace("tos", ValueType.u8(), "4.3", "IFLA_GENEVE_TOS: outer TOS").attr(IFLA_GENEVE_TOS)
                    .ip(v -> List.of("tos", String.format("0x%x", v))),
            Option.inPlace("df", DF.choice(), "5.1", "IFLA_GENEVE_DF: the outer IPv4 header's don't-fragment bit: "
                    + "unset, set, or inherit from the inner packet").words(IFLA_GENEVE_DF, DF),
            Option.inPlace("label", ValueType.integer(0, 0xfffff), "4.12",
                    "IFLA_GENEVE_LABEL: the outer IPv6 flow label (IPv6 remotes only)").attr(IFLA_GENEVE_LABEL)
                    .ip(v -> List.of("label", String.format("0x%x", v))),
            Option.createOnly("dstport", ValueType.integer(1, 65535), "4.3",
                    "IFLA_GENEVE_PORT: UDP destination port (default 6081, IANA's)").attr(IFLA_GENEVE_PORT)
                    .refusal(REFUSAL),
            Option.createOnly("external", ValueType.bool(), "4.3",
                    "IFLA_GENEVE_COLLECT_METADATA: metadata mode for lightweight tunnels (no id or remote)")
                    .codec(new Presence(IFLA_GENEVE_COLLECT_METADATA)).ip(IpWords.flag("external"))
                    .refusal(REFUSAL),
            Option.createOnly("udpcsum", ValueType.bool(), "4.5",
                    "IFLA_GENEVE_UDP_CSUM: checksum the outer UDP header (IPv4)").attr(IFLA_GENEVE_UDP_CSUM)
                    .ip(IpWords.flag("udpcsum")).refusal(REFUSAL),
            Option.createOnly("udp6zerocsumtx", ValueType.bool(), "4.5",
                    "IFLA_GENEVE_UDP_ZERO_CSUM6_TX: send a zero UDP checksum over IPv6")
                    .attr(IFLA_GENEVE_UDP_ZERO_CSUM6_TX).ip(IpWords.flag("udp6zerocsumtx")).refusal(REFUSAL),
            Option.createOnly("udp6zerocsumrx", ValueType.bool(), "4.5",
                    "IFLA_GENEVE_UDP_ZERO_CSUM6_RX: accept a zero UDP checksum over IPv6")
                    .attr(IFLA_GENEVE_UDP_ZERO_CSUM6_RX).ip(IpWords.flag("udp6zerocsumrx")).refusal(REFUSAL),
            Option.createOnly("inner-proto-inherit", ValueType.bool(), "5.16",
                    "IFLA_GENEVE_INNER_PROTO_INHERIT: carry IP packets without an Ethernet header")
                    .codec(new Presence(IFLA_GENEVE_INNER_PROTO_INHERIT)).ip(IpWords.flag("innerprotoinherit"))
                    .refusal(REFUSAL));

    public static final GeneveKind INSTANCE = new GeneveKind();

    private GeneveKind() {
        super("geneve", GeneveSpec.class, SPACE, OPTIONS);
        ipOrder("id", "remote", "ttl", "tos", "df", "label", "dstport", "external", "udpcsum", "udp6zerocsumtx",
                "udp6zerocsumrx", "inner-proto-inherit");
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        boolean external = v.bool("external").orElse(false);
        if (external && (v.has("id") || v.has("remote"))) {
            problems.add(v.has("id") ? "id" : "remote", "an external (metadata mode) geneve takes no id or remote");
        }
        if (!external && (v.integer("id").isEmpty() || !v.has("remote"))) {
            problems.add(null, "a geneve needs an id and a remote (geneve: { id: 1-16777215, remote: ADDR }), or "
                    + "external: true");
        }
        Optional<InetAddress> remote = v.get("remote").map(InetAddress.class::cast);
        if (remote.isPresent() && (remote.get().isMulticastAddress() || remote.get().isLinkLocalAddress()
                && remote.get() instanceof Inet6Address || remote.get().isAnyLocalAddress())) {
            // geneve_nl2info(): "Remote IPv4 address cannot be Multicast", "... cannot be link-local".
            problems.add("remote", "the remote must be a unicast address (not multicast, link-local or any)");
        }
        boolean v6 = remote.map(a -> a instanceof Inet6Address).orElse(false);
        if (!v6 && v.integer("label").filter(l -> l != 0).isPresent()) {
            problems.add("label", "label is the IPv6 flow label: it needs an IPv6 remote");
        }
        // The kernel reports each checksum option for one family only (geneve_fill_info): asked of the other, it
        // would never read back as configured.
        for (String key : List.of("udp6zerocsumtx", "udp6zerocsumrx")) {
            if (!v6 && !external && v.has(key)) {
                problems.add(key, key + " is for an IPv6 remote");
            }
        }
        if ((v6 || external) && v.has("udpcsum")) {
            problems.add("udpcsum", "udpcsum is for an IPv4 remote (over IPv6, see udp6zerocsumtx)");
        }
    }

    /** In metadata mode nothing changes in place; a remote of the other family is a re-create. */
    @Override
    public List<Difference> differences(GeneveSpec desired, GeneveSpec observed) {
        List<Difference> out = new ArrayList<>();
        boolean external = observed.external().orElse(false);
        boolean family = desired.remote().isPresent() && observed.remote().isPresent()
                && desired.remote().get().getClass() != observed.remote().get().getClass();
        for (Difference d : super.differences(desired, observed)) {
            if (d.change() == Option.Change.IN_PLACE && (external || family && d.key().equals("remote"))) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), Option.Change.RECREATE,
                        external ? "geneve_changelink: a device in metadata mode takes no change" : REFUSAL));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public boolean writesInfoData(GeneveSpec spec) {
        return true;
    }

    /** iproute2's order, with id, label, ttl and tos always (0 when not given), as iproute2 sends them. */
    @Override
    public void encodeCreate(GeneveSpec s, EncodeContext ctx, MessageWriter w) {
        s.df().ifPresent(df -> w.putInt(IFLA_GENEVE_DF, DF.value(df)));
        if (s.ttlInherit().orElse(false)) {
            w.putInt(IFLA_GENEVE_TTL_INHERIT, 1);
        }
        w.putInt(IFLA_GENEVE_ID, s.id().orElse(0L));
        s.remote().ifPresent(r -> new Remote().encode(r, ctx, w));
        w.putInt(IFLA_GENEVE_LABEL, s.label().orElse(0L));
        w.putInt(IFLA_GENEVE_TTL, s.ttl().orElse(0L));
        w.putInt(IFLA_GENEVE_TOS, s.tos().orElse(0L));
        s.dstport().ifPresent(p -> w.putInt(IFLA_GENEVE_PORT, p));
        if (s.external().orElse(false)) {
            w.putFlag(IFLA_GENEVE_COLLECT_METADATA);
        }
        s.udpcsum().ifPresent(b -> w.putInt(IFLA_GENEVE_UDP_CSUM, b ? 1 : 0));
        s.udp6zerocsumtx().ifPresent(b -> w.putInt(IFLA_GENEVE_UDP_ZERO_CSUM6_TX, b ? 1 : 0));
        s.udp6zerocsumrx().ifPresent(b -> w.putInt(IFLA_GENEVE_UDP_ZERO_CSUM6_RX, b ? 1 : 0));
        if (s.innerProtoInherit().orElse(false)) {
            w.putFlag(IFLA_GENEVE_INNER_PROTO_INHERIT);
        }
    }

    /**
     * Only the in-place options the change carries (the plan restricts it to those that differ): geneve_changelink
     * starts from the device's configuration, and refuses any re-create option present, even unchanged.
     */
    @Override
    public void encodeChange(GeneveSpec s, EncodeContext ctx, MessageWriter w) {
        s.remote().ifPresent(r -> new Remote().encode(r, ctx, w));
        if (s.ttlInherit().isPresent() || s.ttl().isPresent()) {
            new Ttl().encodeChange(TTL_FIELDS.join(List.of(s.ttl(), s.ttlInherit())), ctx, w);
        }
        s.tos().ifPresent(t -> w.putInt(IFLA_GENEVE_TOS, t));
        s.df().ifPresent(df -> w.putInt(IFLA_GENEVE_DF, DF.value(df)));
        s.label().ifPresent(l -> w.putInt(IFLA_GENEVE_LABEL, l));
    }

    /** The remote in the attribute of its family; a device in metadata mode reports none. */
    private static final class Remote implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            InetAddress a = (InetAddress) value;
            w.putAddress(a instanceof Inet6Address ? IFLA_GENEVE_REMOTE6 : IFLA_GENEVE_REMOTE, a);
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            Optional<InetAddress> a = d.address(IFLA_GENEVE_REMOTE);
            return a.isPresent() ? a : d.address(IFLA_GENEVE_REMOTE6);
        }
    }

    /**
     * ttl: a number in IFLA_GENEVE_TTL, or inherit: IFLA_GENEVE_TTL_INHERIT 1. geneve_nl2info takes the flag first
     * and a TTL without it as "not inherited", so a change to a number sends the TTL alone.
     */
    private static final class Ttl implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            if ("inherit".equals(value)) {
                w.putInt(IFLA_GENEVE_TTL_INHERIT, 1);
            } else {
                w.putInt(IFLA_GENEVE_TTL, (Long) value);
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            if (d.integer(IFLA_GENEVE_TTL_INHERIT, 0) != 0) {
                return Optional.of("inherit");
            }
            return d.integer(IFLA_GENEVE_TTL);
        }
    }

    /** A flag the kernel reports only when set: its absence reads as false, so false compares equal. */
    private record Presence(Attr flag) implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            if ((Boolean) value) {
                w.putFlag(flag);
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) {
            return Optional.of(d.has(flag));
        }
    }
}
