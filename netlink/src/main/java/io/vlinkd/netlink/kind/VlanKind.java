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

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("id", ValueType.integer(1, 4094), "2.6.23",
                    "IFLA_VLAN_ID: the VLAN id (required; vlan_changelink ignores a new one)"),
            Option.createOnly("protocol", VlanProtocol.choice(), "3.10",
                    "IFLA_VLAN_PROTOCOL: 802.1q (default) or 802.1ad (QinQ service tag)"),
            Option.inPlace("reorder-hdr", ValueType.bool(), "2.6.23",
                    "IFLA_VLAN_FLAGS REORDER_HDR: hand packets up without their tag (the kernel's default: on)"),
            Option.inPlace("gvrp", ValueType.bool(), "2.6.26",
                    "IFLA_VLAN_FLAGS GVRP: register the VLAN with GVRP"),
            Option.inPlace("mvrp", ValueType.bool(), "3.9",
                    "IFLA_VLAN_FLAGS MVRP: register the VLAN with MVRP"),
            Option.inPlace("loose-binding", ValueType.bool(), "2.6.32",
                    "IFLA_VLAN_FLAGS LOOSE_BINDING: do not follow the parent's up/down state"),
            Option.inPlace("ingress-qos-map", new ValueType.IntMap(PCP, ValueType.u32()), "2.6.23",
                    "IFLA_VLAN_INGRESS_QOS: VLAN priority (0-7) to packet priority, {FROM: TO}"),
            Option.inPlace("egress-qos-map", new ValueType.IntMap(ValueType.u32(), PCP), "2.6.23",
                    "IFLA_VLAN_EGRESS_QOS: packet priority to VLAN priority (0-7), {FROM: TO}"));

    public static final VlanKind INSTANCE = new VlanKind();

    private VlanKind() {
        super("vlan", VlanSpec.class, SPACE, OPTIONS);
    }

    @Override
    public VlanSpec fromOptions(OptionValues v, LinkCommon common, Problems problems) {
        if (common.link().isEmpty()) {
            problems.add(null, "a vlan needs a parent: set link: to the interface its tagged frames go out on");
        }
        if (v.integer("id").isEmpty()) {
            problems.add(null, "a vlan needs an id (vlan: { id: 1-4094 })");
        }
        return new VlanSpec(v.integer("id"), v.string("protocol"), v.bool("reorder-hdr"), v.bool("gvrp"),
                v.bool("mvrp"), v.bool("loose-binding"), v.intMap("ingress-qos-map"), v.intMap("egress-qos-map"));
    }

    @Override
    public OptionValues toOptions(VlanSpec s) {
        return OptionValues.builder().put("id", s.id()).put("protocol", s.protocol())
                .put("reorder-hdr", s.reorderHdr()).put("gvrp", s.gvrp()).put("mvrp", s.mvrp())
                .put("loose-binding", s.looseBinding()).put("ingress-qos-map", s.ingressQosMap())
                .put("egress-qos-map", s.egressQosMap()).build();
    }

    @Override
    public void encodeCreate(VlanSpec s, EncodeContext ctx, MessageWriter w) {
        s.protocol().ifPresent(p -> w.putInt(IFLA_VLAN_PROTOCOL, protocol(p).ethertype()));
        s.id().ifPresent(id -> w.putInt(IFLA_VLAN_ID, id));
        encodeChange(s, ctx, w);
    }

    /** Flags and qos maps: what vlan_changelink applies. */
    @Override
    public void encodeChange(VlanSpec s, EncodeContext ctx, MessageWriter w) {
        s.ingressQosMap().ifPresent(m -> writeMap(IFLA_VLAN_INGRESS_QOS, m, w));
        s.egressQosMap().ifPresent(m -> writeMap(IFLA_VLAN_EGRESS_QOS, m, w));
        int flags = 0;
        int mask = 0;
        int[] bits = {VLAN_FLAG_REORDER_HDR, VLAN_FLAG_GVRP, VLAN_FLAG_MVRP, VLAN_FLAG_LOOSE_BINDING};
        List<Optional<Boolean>> values = List.of(s.reorderHdr(), s.gvrp(), s.mvrp(), s.looseBinding());
        for (int i = 0; i < bits.length; i++) {
            if (values.get(i).isPresent()) {
                mask |= bits[i];
                flags |= values.get(i).get() ? bits[i] : 0;
            }
        }
        if (mask != 0) {
            w.putBytes(IFLA_VLAN_FLAGS, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags)
                    .putInt(mask).array());
        }
    }

    private static void writeMap(Attr nest, Map<Long, Long> map, MessageWriter w) {
        try (var n = w.nest(nest)) {
            map.forEach((from, to) -> w.putBytes(IFLA_VLAN_QOS_MAPPING, ByteBuffer.allocate(8)
                    .order(ByteOrder.nativeOrder()).putInt((int) (long) from).putInt((int) (long) to).array()));
        }
    }

    @Override
    public VlanSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Optional<String> protocol = Optional.empty();
        Optional<Long> ethertype = d.integer(IFLA_VLAN_PROTOCOL);
        if (ethertype.isPresent()) {
            protocol = Optional.of(VlanProtocol.ofEthertype(ethertype.get()).map(VlanProtocol::word)
                    .orElse(String.format("0x%04x", ethertype.get())));
        }
        int flags = 0;
        int mask = 0;
        Optional<byte[]> f = d.bytes(IFLA_VLAN_FLAGS);
        if (f.isPresent()) {
            if (f.get().length != 8) {
                throw new MalformedMessageException("IFLA_VLAN_FLAGS: 8 bytes expected, got " + f.get().length);
            }
            ByteBuffer b = ByteBuffer.wrap(f.get()).order(ByteOrder.nativeOrder());
            flags = b.getInt();
            mask = b.getInt();
        }
        return new VlanSpec(d.integer(IFLA_VLAN_ID), protocol, flag(flags, mask, VLAN_FLAG_REORDER_HDR),
                flag(flags, mask, VLAN_FLAG_GVRP), flag(flags, mask, VLAN_FLAG_MVRP),
                flag(flags, mask, VLAN_FLAG_LOOSE_BINDING), readMap(d, IFLA_VLAN_INGRESS_QOS),
                readMap(d, IFLA_VLAN_EGRESS_QOS));
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

    @Override
    public List<String> ipArgs(VlanSpec s) {
        List<String> a = new ArrayList<>();
        s.protocol().ifPresent(p -> add(a, "protocol", protocol(p).ipWord()));
        s.id().ifPresent(id -> add(a, "id", id.toString()));
        s.reorderHdr().ifPresent(b -> add(a, "reorder_hdr", b ? "on" : "off"));
        s.gvrp().ifPresent(b -> add(a, "gvrp", b ? "on" : "off"));
        s.mvrp().ifPresent(b -> add(a, "mvrp", b ? "on" : "off"));
        s.looseBinding().ifPresent(b -> add(a, "loose_binding", b ? "on" : "off"));
        s.ingressQosMap().ifPresent(m -> addMap(a, "ingress-qos-map", m));
        s.egressQosMap().ifPresent(m -> addMap(a, "egress-qos-map", m));
        return a;
    }

    private static void addMap(List<String> args, String word, Map<Long, Long> m) {
        args.add(word);
        m.forEach((from, to) -> args.add(from + ":" + to));
    }

    private static void add(List<String> args, String word, String value) {
        args.add(word);
        args.add(value);
    }

    /**
     * Compared against a dump, where the kernel leaves out what is off or empty: no IFLA_VLAN_FLAGS means every
     * flag off, no qos nest (or an entry mapped to 0) means no mapping. Desired entries mapped to 0 ask for "no
     * mapping". A qos map that the kernel holds with entries the config does not name cannot converge in place
     * (a change only adds or overwrites): re-create.
     */
    @Override
    public List<Difference> differences(VlanSpec desired, VlanSpec observed) {
        VlanSpec want = new VlanSpec(desired.id(), desired.protocol(), desired.reorderHdr(), desired.gvrp(),
                desired.mvrp(), desired.looseBinding(), desired.ingressQosMap().map(VlanKind::withoutZeros),
                desired.egressQosMap().map(VlanKind::withoutZeros));
        VlanSpec have = new VlanSpec(observed.id(), observed.protocol(), observed.reorderHdr().or(FALSE),
                observed.gvrp().or(FALSE), observed.mvrp().or(FALSE), observed.looseBinding().or(FALSE),
                Optional.of(withoutZeros(observed.ingressQosMap().orElse(Map.of()))),
                Optional.of(withoutZeros(observed.egressQosMap().orElse(Map.of()))));
        List<Difference> out = new ArrayList<>();
        for (Difference d : super.differences(want, have)) {
            if (d.key().endsWith("-qos-map") && d.observed() instanceof Map<?, ?> o
                    && !named(desired, d.key()).containsAll(o.keySet())) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), Option.Change.RECREATE,
                        "the kernel keeps mappings a change does not name; map them to 0 to remove them in place"));
            } else if (d.change() == Option.Change.RECREATE) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), d.change(),
                        "vlan_changelink ignores IFLA_VLAN_" + d.key().toUpperCase()));
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

    private static final java.util.function.Supplier<Optional<Boolean>> FALSE = () -> Optional.of(false);

    private static Map<Long, Long> withoutZeros(Map<Long, Long> m) {
        Map<Long, Long> out = new LinkedHashMap<>(m);
        out.values().removeIf(v -> v == 0);
        return out;
    }

    private static VlanProtocol protocol(String word) {
        return VlanProtocol.ofWord(word).orElseThrow(() -> new IllegalArgumentException(
                "vlan protocol " + word + " is neither 802.1q nor 802.1ad"));
    }
}
