package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A macvlan: a virtual Ethernet device with its own MAC address on top of a parent ({@code link}). The same class
 * serves macvtap ({@link MacvtapKind}): the kernel gives both the same IFLA_MACVLAN_* attributes and changelink
 * ({@code drivers/net/macvlan.c}, {@code macvlan_common_newlink} / {@code macvlan_changelink}); only IFLA_INFO_KIND
 * differs.
 *
 * <pre>
 * - name: mv0
 *   kind: macvlan
 *   link: eth0
 *   macvlan: { mode: source, flags: [nodst], source-macs: ["02:11:22:33:44:55"] }
 * </pre>
 * Equivalent to: {@code ip link add mv0 link eth0 type macvlan mode source nodst macaddr set 02:11:22:33:44:55}.
 *
 * <p>What the kernel (6.18, tried here) changes in place: {@code mode} between private, vepa, bridge and source;
 * {@code flags}; {@code bcqueuelen}; the source MAC list. Into or out of passthru it answers EINVAL: re-create.
 * Leaving source mode empties the source MAC list.
 */
public final class MacvlanKind extends AbstractLinkKind<MacvlanKind.MacvlanSpec> {

    /** {@code IFLA_MACVLAN_MODE}: one MACVLAN_MODE_* value. */
    public static final Attr IFLA_MACVLAN_MODE = Attr.of("IFLA_MACVLAN_MODE", 1, AttrType.U32);
    /** {@code IFLA_MACVLAN_FLAGS}: MACVLAN_FLAG_* bits; a u16 in the kernel's policy and in its dumps. */
    public static final Attr IFLA_MACVLAN_FLAGS = Attr.of("IFLA_MACVLAN_FLAGS", 2, AttrType.U16);
    /** {@code IFLA_MACVLAN_MACADDR_MODE}: what to do with the source MAC list (MACVLAN_MACADDR_*). */
    public static final Attr IFLA_MACVLAN_MACADDR_MODE = Attr.of("IFLA_MACVLAN_MACADDR_MODE", 3, AttrType.U32);
    /** {@code IFLA_MACVLAN_MACADDR}: one source MAC (inside IFLA_MACVLAN_MACADDR_DATA, or alone for add/del). */
    public static final Attr IFLA_MACVLAN_MACADDR = Attr.of("IFLA_MACVLAN_MACADDR", 4, AttrType.MAC);
    /** {@code IFLA_MACVLAN_MACADDR_DATA}: the source MAC list. */
    public static final Attr IFLA_MACVLAN_MACADDR_DATA = Attr.of("IFLA_MACVLAN_MACADDR_DATA", 5, AttrType.NESTED);
    /** {@code IFLA_MACVLAN_MACADDR_COUNT}: dumped only: how many source MACs there are. */
    public static final Attr IFLA_MACVLAN_MACADDR_COUNT = Attr.of("IFLA_MACVLAN_MACADDR_COUNT", 6, AttrType.U32);
    /** {@code IFLA_MACVLAN_BC_QUEUE_LEN}: requested broadcast queue length (5.11). */
    public static final Attr IFLA_MACVLAN_BC_QUEUE_LEN = Attr.of("IFLA_MACVLAN_BC_QUEUE_LEN", 7, AttrType.U32);
    /** {@code IFLA_MACVLAN_BC_QUEUE_LEN_USED}: dumped only: the length in use (the largest on the parent). */
    public static final Attr IFLA_MACVLAN_BC_QUEUE_LEN_USED =
            Attr.of("IFLA_MACVLAN_BC_QUEUE_LEN_USED", 8, AttrType.U32);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_MACVLAN", IFLA_MACVLAN_MODE, IFLA_MACVLAN_FLAGS,
            IFLA_MACVLAN_MACADDR_MODE, IFLA_MACVLAN_MACADDR, IFLA_MACVLAN_MACADDR_DATA, IFLA_MACVLAN_MACADDR_COUNT,
            IFLA_MACVLAN_BC_QUEUE_LEN, IFLA_MACVLAN_BC_QUEUE_LEN_USED);

    /** MACVLAN_MODE_* of if_link.h, by iproute2's word. */
    static final Words MODES = Words.of("mode-", "private", 1, "vepa", 2, "bridge", 4, "passthru", 8,
            "source", 16);
    /** MACVLAN_FLAG_* of if_link.h, in bit order (the order of {@link MacvlanSpec#flags()} and of ipArgs). */
    static final Words FLAG_BITS = Words.of("flag-", "nopromisc", 1, "nodst", 2);
    /** MACVLAN_MACADDR_SET: replace the whole source list with IFLA_MACVLAN_MACADDR_DATA. */
    static final int MACVLAN_MACADDR_SET = 3;

    /**
     * The macvlan/macvtap options; unset fields are not managed.
     *
     * @param mode        {@code mode private|vepa|bridge|passthru|source} (IFLA_MACVLAN_MODE)
     * @param flags       {@code nopromisc}, {@code nodst} (IFLA_MACVLAN_FLAGS), in bit order; empty = none
     * @param sourceMacs  {@code macaddr set MAC...}: the senders a source-mode macvlan receives from
     *                    (IFLA_MACVLAN_MACADDR_DATA)
     * @param bcqueuelen  {@code bcqueuelen N} (IFLA_MACVLAN_BC_QUEUE_LEN)
     */
    public record MacvlanSpec(Optional<String> mode, Optional<List<String>> flags,
                              Optional<List<MacAddress>> sourceMacs, Optional<Long> bcqueuelen) implements KindSpec {
        public MacvlanSpec {
            flags = flags.map(List::copyOf);
            sourceMacs = sourceMacs.map(List::copyOf);
        }

        public static MacvlanSpec mode(String mode) {
            return new MacvlanSpec(Optional.of(mode), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static final List<Option> OPTIONS = List.of(
            Option.inPlace("mode", MODES.choice(), "2.6.33",
                    "IFLA_MACVLAN_MODE: how macvlans on one parent reach each other (passthru 3.0, source 3.19); "
                            + "into or out of passthru needs a re-create").words(IFLA_MACVLAN_MODE, MODES),
            Option.inPlace("flags", new ValueType.ListOf(FLAG_BITS.choice()), "3.2",
                    "IFLA_MACVLAN_FLAGS: nopromisc (passthru: leave the parent's promiscuity alone), nodst (4.20)")
                    // The configured flags in bit order, whatever order the config lists them in.
                    .codec(new FlagsCodec()).convert(Option.Convert.of(v -> v,
                            o -> FLAG_BITS.words().stream().filter(((List<?>) o)::contains).toList()))
                    // "flag null" is iproute2's way to send IFLA_MACVLAN_FLAGS 0.
                    .ip(v -> ((List<?>) v).isEmpty() ? List.of("flag", "null")
                            : ((List<?>) v).stream().map(Object::toString).toList()),
            Option.inPlace("source-macs", new ValueType.ListOf(ValueType.mac()), "3.19",
                    "IFLA_MACVLAN_MACADDR_DATA: in mode source, the senders whose frames this link receives")
                    .codec(new SourceMacsCodec()).ip(v -> {
                        List<String> a = new ArrayList<>(List.of("macaddr", "set"));
                        ((List<?>) v).forEach(mac -> a.add(mac.toString()));
                        return a;
                    }),
            Option.inPlace("bcqueuelen", ValueType.u32(), "5.11",
                    "IFLA_MACVLAN_BC_QUEUE_LEN: broadcast/multicast receive queue length (the parent uses the "
                            + "largest)").attr(IFLA_MACVLAN_BC_QUEUE_LEN));

    /** The macvlan kind. */
    public static final MacvlanKind INSTANCE = new MacvlanKind("macvlan");

    /** One instance per kind name: {@link #INSTANCE} and {@link MacvtapKind#INSTANCE}. */
    MacvlanKind(String name) {
        super(name, MacvlanSpec.class, SPACE, OPTIONS);
        // iproute2 6.1 writes bcqueuelen and the macaddr list as it parses them and mode and flags at the end; we
        // write the same order so that ipArgs reproduces our bytes.
        wireOrder("bcqueuelen", "source-macs", "mode", "flags");
        ipOrder("mode", "flags", "bcqueuelen", "source-macs");
    }

    @Override
    protected void validate(OptionValues values, LinkCommon common, Problems problems) {
        if (common.link().isEmpty()) {
            problems.add(null, "a " + name() + " needs a parent: set link (an Ethernet device such as eth0 or a veth)");
        }
        Optional<String> mode = values.string("mode");
        if (values.list("flags", String.class).contains("nopromisc") && !mode.equals(Optional.of("passthru"))) {
            problems.add("flags", "nopromisc only works in mode passthru" + modeSuffix(mode));
        }
        if (values.has("source-macs")) {
            if (!mode.equals(Optional.of("source"))) {
                problems.add("source-macs", "source-macs only work in mode source" + modeSuffix(mode));
            }
            Set<MacAddress> seen = new HashSet<>();
            for (MacAddress m : values.list("source-macs", MacAddress.class)) {
                if (m.isMulticast() || m.isZero()) {
                    problems.add("source-macs", m + " is not a unicast address; a source MAC must be one");
                } else if (!seen.add(m)) {
                    problems.add("source-macs", m + " is listed twice");
                }
            }
        }
    }

    private static String modeSuffix(Optional<String> mode) {
        return mode.map(m -> " (mode is " + m + ")").orElse(" (set mode)");
    }

    @Override
    public OptionValues toOptions(MacvlanSpec spec) {
        return OptionValues.builder()
                .put("mode", spec.mode())
                .put("flags", spec.flags())
                .put("source-macs", spec.sourceMacs())
                .put("bcqueuelen", spec.bcqueuelen())
                .build();
    }

    /** IFLA_MACVLAN_FLAGS: the flag words as MACVLAN_FLAG_* bits. */
    private static final class FlagsCodec implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            long bits = 0;
            for (Object f : (List<?>) value) {
                bits |= FLAG_BITS.value((String) f);
            }
            w.putInt(IFLA_MACVLAN_FLAGS, bits);
        }

        // The kernel dumps IFLA_MACVLAN_FLAGS always; 0 is "no flags", the same as a link made without them (read as
        // a set empty list it rendered as "flag null" in a dump of any macvlan).
        @Override
        public Optional<?> decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
            Optional<Long> f = data.integer(IFLA_MACVLAN_FLAGS);
            if (f.isEmpty() || f.get() == 0) {
                return Optional.empty();
            }
            return Optional.of(FLAG_BITS.words().stream().filter(w -> (f.get() & FLAG_BITS.value(w)) != 0).toList());
        }
    }

    /** IFLA_MACVLAN_MACADDR_MODE set, then the list in IFLA_MACVLAN_MACADDR_DATA. */
    private static final class SourceMacsCodec implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            w.putInt(IFLA_MACVLAN_MACADDR_MODE, MACVLAN_MACADDR_SET);
            try (var data = w.nest(IFLA_MACVLAN_MACADDR_DATA)) {
                for (Object m : (List<?>) value) {
                    w.putMac(IFLA_MACVLAN_MACADDR, (MacAddress) m);
                }
            }
        }

        // The kernel dumps the count in source mode and the list only when it is not empty.
        @Override
        public Optional<?> decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
            if (data.integer(IFLA_MACVLAN_MODE).filter(m -> m == MODES.value("source")).isEmpty()
                    && !data.has(IFLA_MACVLAN_MACADDR_DATA)) {
                return Optional.empty();
            }
            List<MacAddress> list = new ArrayList<>();
            Optional<Attrs> nested = data.nested(IFLA_MACVLAN_MACADDR_DATA);
            if (nested.isPresent()) {
                for (RawAttr r : nested.get().all()) {
                    if (r.type() == IFLA_MACVLAN_MACADDR.type()) {
                        if (r.length() != 6) {
                            throw new MalformedMessageException("IFLA_MACVLAN_MACADDR: a MAC address needs 6 "
                                    + "bytes, got " + r.length());
                        }
                        list.add(MacAddress.of(r.payload()));
                    }
                }
            }
            return Optional.of(list);
        }
    }

    /**
     * Mode changes in place except into or out of passthru: {@code macvlan_changelink} answers EINVAL (tried on
     * 6.18: {@code ip link set mv0 type macvlan mode passthru} → "Invalid argument"). A source MAC list that
     * differs is replaced in place (MACVLAN_MACADDR_SET).
     */
    @Override
    public List<Difference> differences(MacvlanSpec desired, MacvlanSpec observed) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : super.differences(desired, observed)) {
            if (d.key().equals("flags") && d.desired() instanceof List<?> want && want.isEmpty()
                    && (d.observed() == null || d.observed() instanceof List<?> have && have.isEmpty())) {
                continue; // flags: [] is the kernel's 0, which a dump reads as not set
            }
            if (d.key().equals("source-macs") && d.observed() instanceof List<?> have
                    && Set.copyOf(have).equals(Set.copyOf((List<?>) d.desired()))) {
                continue; // the kernel dumps the list in hash order: compare as sets
            }
            if (d.key().equals("mode") && ("passthru".equals(d.desired()) || "passthru".equals(d.observed()))) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), Option.Change.RECREATE,
                        "the kernel does not change a " + name() + " into or out of passthru mode (EINVAL)"));
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
