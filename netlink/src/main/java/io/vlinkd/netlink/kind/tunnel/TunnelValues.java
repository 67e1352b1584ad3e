package io.vlinkd.netlink.kind.tunnel;

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
                            + (v6 ? "IPv6" : "IPv4") + " address, not " + addressWord(a) + " (" + otherKind
                            + " tunnels over " + (v6 ? "IPv4" : "IPv6") + ")"));
        }
    }

    /** ttl/hoplimit: {@code inherit} is 0 on the wire. */
    static Optional<Integer> ttl(OptionValues v, String key) {
        return v.get(key).map(o -> o instanceof Long l ? l.intValue() : 0);
    }

    /**
     * tos of an IPv4 tunnel: the kernel reads bit 0 of the tos byte as "inherit" (ip_tunnel_xmit(): tos & 0x1), so
     * an odd number would silently mean inherit; it is refused here in the user's words.
     */
    static Optional<Inheritable> tos4(OptionValues v, Problems problems) {
        Optional<Inheritable> tos = tos(v);
        tos.filter(t -> !t.inherit() && (t.value() & 1) != 0).ifPresent(t -> problems.add("tos",
                "tos " + t.value() + " has its lowest bit set, which the kernel reads as inherit;"
                        + " write inherit or an even value"));
        return tos;
    }

    /** tos (or IPv6 traffic class): a number, {@code inherit}, or a DS field name. */
    static Optional<Inheritable> tos(OptionValues v) {
        return v.get("tos").map(o -> {
            if (o instanceof Long l) {
                return Inheritable.of(l);
            }
            String word = (String) o;
            return word.equals("inherit") ? Inheritable.INHERIT : Inheritable.of(Dsfield.value(word));
        });
    }

    static Optional<Inheritable> flowlabel(OptionValues v) {
        return v.get("flowlabel").map(o -> o instanceof Long l ? Inheritable.of(l) : Inheritable.INHERIT);
    }

    /** A key as the 32-bit number it is on the wire (a dotted quad a.b.c.d is a<<24|b<<16|c<<8|d). */
    static Optional<Long> key(OptionValues v, String key) {
        return v.get(key).map(TunnelValues::keyNumber);
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
     * refuses it. Returns {ikey, okey}.
     */
    @SuppressWarnings("unchecked")
    static Optional<Long>[] keys(OptionValues v, Problems problems) {
        Optional<Long> key = key(v, "key");
        Optional<Long> ikey = key(v, "ikey");
        Optional<Long> okey = key(v, "okey");
        if (key.isPresent() && (ikey.isPresent() || okey.isPresent())) {
            problems.add("key", "key sets both ikey and okey; give either key or ikey/okey, not both");
        }
        return new Optional[] {key.isPresent() ? key : ikey, key.isPresent() ? key : okey};
    }

    /** {@code key K} when ikey and okey are the same, else {@code ikey I okey O}, for what is set. */
    static List<String> keyArgs(Optional<Long> ikey, Optional<Long> okey) {
        List<String> a = new ArrayList<>();
        if (ikey.isPresent() && ikey.equals(okey)) {
            a.addAll(List.of("key", Long.toString(ikey.get())));
        } else {
            ikey.ifPresent(k -> a.addAll(List.of("ikey", Long.toString(k))));
            okey.ifPresent(k -> a.addAll(List.of("okey", Long.toString(k))));
        }
        return a;
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

    /** An address as {@code ip} prints it ({@code 2001:db8::1}, not Java's {@code 2001:db8:0:0:0:0:0:1}). */
    static String addressWord(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        StringBuilder full = new StringBuilder();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                full.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            full.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                full.append(':');
            }
        }
        return full.toString();
    }

    /** tos as {@code ip} parses it: {@code inherit}, or hexadecimal (rtnl_dsfield_a2n and get_u8(.., 16)). */
    static String tosWord(Inheritable tos) {
        return tos.inherit() ? "inherit" : Dsfield.ipWord(tos.value());
    }
}
