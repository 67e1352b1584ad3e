package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A VLAN link (net/8021q/vlan_netlink.c). See {@link VlanSpec} for a config example and the equivalent {@code ip}
 * command. This machine's kernel has no 8021q; the kernel tests run in the full-kernel lane.
 *
 * <p>In place or re-create, from the kernel's {@code vlan_changelink} (torvalds/linux net/8021q/vlan_netlink.c):
 * it applies IFLA_VLAN_FLAGS ({@code vlan_dev_change_flags}) and adds or overwrites the entries of
 * IFLA_VLAN_INGRESS_QOS / IFLA_VLAN_EGRESS_QOS; it silently ignores IFLA_VLAN_ID and IFLA_VLAN_PROTOCOL, so id and
 * protocol need a re-create. A qos map entry is removed only by mapping it to 0; {@link #differences} therefore
 * asks for a re-create when the kernel holds mappings the config does not name (or write them as {@code N: 0}).
 *
 * <p>Encoding follows iproute2 (ip/iplink_vlan.c): protocol, id and the qos maps in command-line order, the flags
 * gathered into one IFLA_VLAN_FLAGS {flags, mask} at the end, the mask naming only the flags given.
 */
public final class VlanKind extends AbstractLinkKind<VlanSpec> {
    // enum IFLA_VLAN_* in <linux/if_link.h>; vlan_policy in net/8021q/vlan_netlink.c.
    public static final Attr IFLA_VLAN_ID = Attr.of("IFLA_VLAN_ID", 1, AttrType.U16);
    /** struct ifla_vlan_flags { u32 flags; u32 mask; }. */
    public static final Attr IFLA_VLAN_FLAGS = Attr.of("IFLA_VLAN_FLAGS", 2, AttrType.BINARY);
    public static final Attr IFLA_VLAN_EGRESS_QOS = Attr.of("IFLA_VLAN_EGRESS_QOS", 3, AttrType.NESTED);
    public static final Attr IFLA_VLAN_INGRESS_QOS = Attr.of("IFLA_VLAN_INGRESS_QOS", 4, AttrType.NESTED);
    public static final Attr IFLA_VLAN_PROTOCOL = Attr.of("IFLA_VLAN_PROTOCOL", 5, AttrType.BE16);
    /** In either qos nest: struct ifla_vlan_qos_mapping { u32 from; u32 to; }. */
    public static final Attr IFLA_VLAN_QOS_MAPPING = Attr.of("IFLA_VLAN_QOS_MAPPING", 1, AttrType.BINARY);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_VLAN", IFLA_VLAN_ID, IFLA_VLAN_FLAGS,
            IFLA_VLAN_EGRESS_QOS, IFLA_VLAN_INGRESS_QOS, IFLA_VLAN_PROTOCOL);

    // VLAN_FLAG_* in <linux/if_vlan.h>.
    static final int VLAN_FLAG_REORDER_HDR = 0x1;
    static final int VLAN_FLAG_GVRP = 0x2;
    static final int VLAN_FLAG_LOOSE_BINDING = 0x4;
    static final int VLAN_FLAG_MVRP = 0x8;

    private static final ValueType.Int PCP = ValueType.integer(0, 7);

    // The four flags share IFLA_VLAN_FLAGS (struct ifla_vlan_flags: flags and the mask of those given), so they have
    // no attribute of their own: encodeChange and decode handle them together.
    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("id", ValueType.integer(1, 4094), "2.6.23",
                    "IFLA_VLAN_ID: the VLAN id (required; vlan_changelink ignores a new one)").attr(IFLA_VLAN_ID)
                    .refusal("vlan_changelink ignores IFLA_VLAN_ID"),
            Option.createOnly("protocol", VlanProtocol.choice(), "3.10",
                    "IFLA_VLAN_PROTOCOL: 802.1q (default) or 802.1ad (QinQ service tag)")
                    .codec(VlanProtocol.codec(IFLA_VLAN_PROTOCOL)).ip(VlanProtocol.ipWords("protocol"))
                    .refusal("vlan_changelink ignores IFLA_VLAN_PROTOCOL"),
            Option.inPlace("reorder-hdr", ValueType.bool(), "2.6.23",
                    "IFLA_VLAN_FLAGS REORDER_HDR: hand packets up without their tag (the kernel's default: on)")
                    .ip(IpWords.onOff("reorder_hdr")),
            Option.inPlace("gvrp", ValueType.bool(), "2.6.26",
                    "IFLA_VLAN_FLAGS GVRP: register the VLAN with GVRP").ip(IpWords.onOff("gvrp")),
            Option.inPlace("mvrp", ValueType.bool(), "3.9",
                    "IFLA_VLAN_FLAGS MVRP: register the VLAN with MVRP").ip(IpWords.onOff("mvrp")),
            Option.inPlace("loose-binding", ValueType.bool(), "2.6.32",
                    "IFLA_VLAN_FLAGS LOOSE_BINDING: do not follow the parent's up/down state")
                    .ip(IpWords.onOff("loose_binding")),
            Option.inPlace("ingress-qos-map", new ValueType.IntMap(PCP, ValueType.u32()), "2.6.23",
                    "IFLA_VLAN_INGRESS_QOS: VLAN priority (0-7) to packet priority, {FROM: TO}")
                    .codec(new QosMap(IFLA_VLAN_INGRESS_QOS)).ip(QosMap.ipWords("ingress-qos-map")),
            Option.inPlace("egress-qos-map", new ValueType.IntMap(ValueType.u32(), PCP), "2.6.23",
                    "IFLA_VLAN_EGRESS_QOS: packet priority to VLAN priority (0-7), {FROM: TO}")
                    .codec(new QosMap(IFLA_VLAN_EGRESS_QOS)).ip(QosMap.ipWords("egress-qos-map")));

    /** The flag options and their VLAN_FLAG_* bits. */
    private static final Map<String, Integer> FLAG_BITS = flagBits();

    private static Map<String, Integer> flagBits() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("reorder-hdr", VLAN_FLAG_REORDER_HDR);
        m.put("gvrp", VLAN_FLAG_GVRP);
        m.put("mvrp", VLAN_FLAG_MVRP);
        m.put("loose-binding", VLAN_FLAG_LOOSE_BINDING);
        return m;
    }

    public static final VlanKind INSTANCE = new VlanKind();

    private VlanKind() {
        super("vlan", VlanSpec.class, SPACE, OPTIONS);
        // iproute2's order; the flags (no attribute of their own) are written after, by encodeChange.
        wireOrder("protocol", "id", "ingress-qos-map", "egress-qos-map",
                "reorder-hdr", "gvrp", "mvrp", "loose-binding");
        ipOrder("protocol", "id", "reorder-hdr", "gvrp", "mvrp", "loose-binding",
                "ingress-qos-map", "egress-qos-map");
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        if (common.link().isEmpty()) {
            problems.add(null, "a vlan needs a parent: set link: to the interface its tagged frames go out on");
        }
        if (v.integer("id").isEmpty()) {
            problems.add(null, "a vlan needs an id (vlan: { id: 1-4094 })");
        }
    }

    @Override
    public void encodeCreate(VlanSpec s, EncodeContext ctx, MessageWriter w) {
        super.encodeCreate(s, ctx, w);
        writeFlags(s, w);
    }

    /** Flags and qos maps: what vlan_changelink applies. */
    @Override
    public void encodeChange(VlanSpec s, EncodeContext ctx, MessageWriter w) {
        super.encodeChange(s, ctx, w);
        writeFlags(s, w);
    }

    private void writeFlags(VlanSpec s, MessageWriter w) {
        OptionValues v = toOptions(s);
        int flags = 0;
        int mask = 0;
        for (Map.Entry<String, Integer> e : FLAG_BITS.entrySet()) {
            Optional<Boolean> b = v.bool(e.getKey());
            if (b.isPresent()) {
                mask |= e.getValue();
                flags |= b.get() ? e.getValue() : 0;
            }
        }
        if (mask != 0) {
            w.putBytes(IFLA_VLAN_FLAGS, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags)
                    .putInt(mask).array());
        }
    }

    @Override
    public VlanSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        VlanSpec s = super.decode(d, ctx);
        Optional<byte[]> f = d.bytes(IFLA_VLAN_FLAGS);
        if (f.isEmpty()) {
            return s;
        }
        if (f.get().length != 8) {
            throw new MalformedMessageException("IFLA_VLAN_FLAGS: 8 bytes expected, got " + f.get().length);
        }
        ByteBuffer b = ByteBuffer.wrap(f.get()).order(ByteOrder.nativeOrder());
        int flags = b.getInt();
        int mask = b.getInt();
        for (Map.Entry<String, Integer> e : FLAG_BITS.entrySet()) {
            if ((mask & e.getValue()) != 0) {
                s = withOption(s, e.getKey(), (flags & e.getValue()) != 0);
            }
        }
        return s;
    }

    /** A qos map nest: one IFLA_VLAN_QOS_MAPPING (struct ifla_vlan_qos_mapping: from, to) per entry. */
    private record QosMap(Attr nest) implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            try (var n = w.nest(nest)) {
                ((Map<?, ?>) value).forEach((from, to) -> w.putBytes(IFLA_VLAN_QOS_MAPPING, ByteBuffer.allocate(8)
                        .order(ByteOrder.nativeOrder()).putInt((int) (long) (Long) from).putInt((int) (long) (Long) to)
                        .array()));
            }
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            return readMap(d, nest);
        }

        /** {@code word FROM:TO ...}. */
        static IpWords ipWords(String word) {
            return v -> {
                List<String> a = new ArrayList<>(List.of(word));
                ((Map<?, ?>) v).forEach((from, to) -> a.add(from + ":" + to));
                return a;
            };
        }
    }

    private static Optional<Boolean> flag(int flags, int mask, int bit) {
        return (mask & bit) != 0 ? Optional.of((flags & bit) != 0) : Optional.empty();
    }

    private static Optional<Map<Long, Long>> readMap(Attrs d, Attr nest) throws MalformedMessageException {
        Optional<Attrs> n = d.nested(nest);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> m = new LinkedHashMap<>();
        for (RawAttr r : n.get().all()) {
            if (r.type() != IFLA_VLAN_QOS_MAPPING.type()) {
                continue; // unknown in this nest: kept in the raw message, not part of the map
            }
            if (r.length() != 8) {
                throw new MalformedMessageException(nest.name() + "/IFLA_VLAN_QOS_MAPPING: 8 bytes expected, got "
                        + r.length());
            }
            ByteBuffer b = ByteBuffer.wrap(r.payload()).order(ByteOrder.nativeOrder());
            m.put(b.getInt() & 0xffffffffL, b.getInt() & 0xffffffffL);
        }
        return Optional.of(m);
    }

    /**
     * Compared against a dump, where the kernel leaves out what is off or empty: no IFLA_VLAN_FLAGS means every
     * flag off, no qos nest (or an entry mapped to 0) means no mapping. Desired entries mapped to 0 ask for "no
     * mapping". A qos map that the kernel holds with entries the config does not name cannot converge in place
     * (a change only adds or overwrites): re-create.
     */
    @Override
    public List<Difference> differences(VlanSpec desired, VlanSpec observed) {
        VlanSpec want = desired;
        VlanSpec have = observed;
        OptionValues wanted = toOptions(desired);
        OptionValues seen = toOptions(observed);
        for (String flag : FLAG_BITS.keySet()) {
            have = withOption(have, flag, seen.bool(flag).orElse(false));
        }
        for (String map : List.of("ingress-qos-map", "egress-qos-map")) {
            if (wanted.has(map)) {
                want = withOption(want, map, withoutZeros(wanted.intMap(map).orElseThrow()));
            }
            have = withOption(have, map, withoutZeros(seen.intMap(map).orElse(Map.of())));
        }
        List<Difference> out = new ArrayList<>();
        for (Difference d : super.differences(want, have)) {
            if (d.key().endsWith("-qos-map") && d.observed() instanceof Map<?, ?> o
                    && !named(desired, d.key()).containsAll(o.keySet())) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), Option.Change.RECREATE,
                        "the kernel keeps mappings a change does not name; map them to 0 to remove them in place"));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** The FROM priorities the desired map names, those mapped to 0 included (a change sends them). */
    private static java.util.Set<Long> named(VlanSpec desired, String key) {
        Optional<Map<Long, Long>> m = key.startsWith("ingress") ? desired.ingressQosMap() : desired.egressQosMap();
        return m.map(Map::keySet).orElse(java.util.Set.of());
    }

    private static Map<Long, Long> withoutZeros(Map<Long, Long> m) {
        Map<Long, Long> out = new LinkedHashMap<>(m);
        out.values().removeIf(v -> v == 0);
        return out;
    }

}
