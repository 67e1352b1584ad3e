package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Option value types, parsing and {@code ip} words shared by the tunnel kinds: ttl/hoplimit, tos (numbers,
 * {@code inherit}, DS field names), GRE and VTI keys (number or dotted quad), flowlabel, encaplimit.
 */
final class TunnelValues {
    private TunnelValues() {
    }

    static final ValueType TTL = ValueType.AnyOf.of(ValueType.u8(), ValueType.choice("inherit"));

    /** tos: 0..255, {@code inherit} or a DS field name ({@code af41}, {@code cs6}, {@code ef}...). */
    static final ValueType TOS = ValueType.AnyOf.of(ValueType.u8(), tosWords());

    /** A GRE/VTI key: a 32-bit number or a dotted quad, as iproute2's tnl_parse_key() takes it. */
    static final ValueType KEY = ValueType.AnyOf.of(ValueType.u32(), ValueType.ipv4());

    /** The IPv6 flow label: 20 bits, or {@code inherit} (IP6_TNL_F_USE_ORIG_FLOWLABEL). */
    static final ValueType FLOWLABEL = ValueType.AnyOf.of(ValueType.integer(0, 0xfffff),
            ValueType.choice("inherit"));

    /** The IPv6 tunnel encapsulation limit option: 0..255, or {@code none} (IP6_TNL_F_IGN_ENCAP_LIMIT). */
    static final ValueType ENCAPLIMIT = ValueType.AnyOf.of(ValueType.u8(), ValueType.choice("none"));

    private static ValueType tosWords() {
        List<String> words = new ArrayList<>();
        words.add("inherit");
        words.addAll(Dsfield.words());
        return new ValueType.Choice(words);
    }

    /**
     * local and remote must be of the family the kind tunnels over; the config's type check says "IPv4 expected",
     * this says which kind carries the other family.
     */
    static void family(OptionValues v, String kind, boolean v6, String otherKind, Problems problems) {
        for (String key : List.of("local", "remote")) {
            v.ip(key).filter(a -> (a instanceof Inet4Address) == v6).ifPresent(a -> problems.add(key,
                    kind + " tunnels over " + (v6 ? "IPv6" : "IPv4") + ", so " + key + " must be an "
                            + (v6 ? "IPv6" : "IPv4") + " address, not " + IpText.format(a) + " (" + otherKind
                            + " tunnels over " + (v6 ? "IPv4" : "IPv6") + ")"));
        }
    }

    /** ttl/hoplimit: {@code inherit} is 0 on the wire. */
    static final Option.Convert TTL_VALUE = Option.Convert.of(v -> v, o -> o instanceof Long l ? l.intValue() : 0);

    /** tos (or IPv6 traffic class): a number, {@code inherit}, or a DS field name. */
    static final Option.Convert TOS_VALUE = Option.Convert.of(t -> ((Inheritable) t).toOption(), o -> {
        if (o instanceof Long l) {
            return Inheritable.of(l);
        }
        String word = (String) o;
        return word.equals("inherit") ? Inheritable.INHERIT : Inheritable.of(Dsfield.value(word));
    });

    /** flowlabel: a number or {@code inherit}. */
    static final Option.Convert FLOWLABEL_VALUE = Option.Convert.of(f -> ((Inheritable) f).toOption(),
            o -> o instanceof Long l ? Inheritable.of(l) : Inheritable.INHERIT);

    /** encaplimit: a number or {@code none}. */
    static final Option.Convert ENCAPLIMIT_VALUE = Option.Convert.of(e -> ((EncapLimit) e).toOption(),
            o -> o instanceof Long l ? EncapLimit.of(l.intValue()) : EncapLimit.NONE);

    /** A key as the 32-bit number it is on the wire (a dotted quad a.b.c.d is a<<24|b<<16|c<<8|d). */
    static final Option.Convert KEY_VALUE = Option.Convert.of(k -> k, TunnelValues::keyNumber);

    /**
     * {@code key}: shorthand for the same ikey and okey. A spec holds the two; it is never reported as key (ikey
     * and okey are), so it joins to nothing.
     */
    static final Option.Join KEY_PAIR = new Option.Join() {
        @Override
        public Object join(List<Optional<?>> fields) {
            return null;
        }

        @Override
        public List<Optional<?>> split(Object key) {
            return List.of(Optional.of(keyNumber(key)), Optional.of(keyNumber(key)));
        }
    };

    /**
     * tos of an IPv4 tunnel: the kernel reads bit 0 of the tos byte as "inherit" (ip_tunnel_xmit(): tos & 0x1), so
     * an odd number would silently mean inherit; it is refused here in the user's words.
     */
    static void checkTos4(OptionValues v, Problems problems) {
        v.get("tos").map(TOS_VALUE::toSpec).map(Inheritable.class::cast)
                .filter(t -> !t.inherit() && (t.value() & 1) != 0).ifPresent(t -> problems.add("tos",
                        "tos " + t.value() + " has its lowest bit set, which the kernel reads as inherit;"
                                + " write inherit or an even value"));
    }

    private static long keyNumber(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        byte[] b = ((Inet4Address) o).getAddress();
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
    }

    /**
     * key is shorthand for ikey = okey; giving both is ambiguous (iproute2 would let the last word win), so config
     * refuses it.
     */
    static void checkKeys(OptionValues v, Problems problems) {
        if (v.has("key") && (v.has("ikey") || v.has("okey"))) {
            problems.add("key", "key sets both ikey and okey; give either key or ikey/okey, not both");
        }
    }

    /**
     * The {@code ip} words with {@code ikey K okey K} said as {@code key K}, as iproute2 prints equal keys (the two
     * are adjacent: ikey and okey follow each other in every table that has them).
     */
    static List<String> sameKeys(List<String> args) {
        int i = args.indexOf("ikey");
        if (i >= 0 && i + 3 < args.size() && args.get(i + 2).equals("okey")
                && args.get(i + 1).equals(args.get(i + 3))) {
            List<String> a = new ArrayList<>(args.subList(0, i));
            a.addAll(List.of("key", args.get(i + 1)));
            a.addAll(args.subList(i + 4, args.size()));
            return a;
        }
        return args;
    }

    /** An address attribute, with the kernel's "any" (0.0.0.0 or ::) read as not set, as iproute2 prints it. */
    static Optional<InetAddress> address(Attrs data, Attr a) throws MalformedMessageException {
        return data.address(a).filter(addr -> !addr.isAnyLocalAddress());
    }

    /** An ifindex attribute as the interface's name; 0 (no device) as not set. */
    static Optional<String> device(Attrs data, Attr a, io.vlinkd.netlink.kind.DecodeContext ctx)
            throws MalformedMessageException {
        long index = data.integer(a, 0);
        if (index == 0) {
            return Optional.empty();
        }
        return Optional.of(ctx.nameOf((int) index).orElse("if" + index));
    }

    /** tos as {@code ip} parses it: {@code inherit}, or hexadecimal (rtnl_dsfield_a2n and get_u8(.., 16)). */
    static String tosWord(Inheritable tos) {
        return tos.inherit() ? "inherit" : Dsfield.ipWord(tos.value());
    }
}
