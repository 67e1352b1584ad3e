package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.GreAttrs.*;

import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GRE header options shared by gre, gretap, ip6gre and ip6gretap: keys and the KEY/SEQ/CSUM bits of the input
 * and output flags. As in iproute2 (link_gre.c, link_gre6.c), giving a key sets GRE_KEY in that direction's flags;
 * {@code key} is shorthand for the same ikey and okey. Each option is a field of this record, which groups them in
 * the spec of each GRE kind ({@code header}).
 *
 * @param ikey  {@code ikey}: IFLA_GRE_IKEY with GRE_KEY in IFLA_GRE_IFLAGS
 * @param okey  {@code okey}: IFLA_GRE_OKEY with GRE_KEY in IFLA_GRE_OFLAGS
 * @param iseq  {@code iseq}: GRE_SEQ in IFLA_GRE_IFLAGS (require sequence numbers on input)
 * @param oseq  {@code oseq}: GRE_SEQ in IFLA_GRE_OFLAGS (send sequence numbers)
 * @param icsum {@code icsum}: GRE_CSUM in IFLA_GRE_IFLAGS (require checksums on input)
 * @param ocsum {@code ocsum}: GRE_CSUM in IFLA_GRE_OFLAGS (send checksums)
 */
public record GreHeader(Optional<Long> ikey, Optional<Long> okey, Optional<Boolean> iseq, Optional<Boolean> oseq,
                        Optional<Boolean> icsum, Optional<Boolean> ocsum) {

    public static final GreHeader UNMANAGED = new GreHeader(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** The options, all changed in place by ipgre_changelink()/ip6gre_changelink() (i_flags, o_flags, keys). */
    static List<Option> options(String since) {
        List<Option> o = new ArrayList<>(TunnelOptions.keys(since, "IFLA_GRE_IKEY (+GRE_KEY in IFLA_GRE_IFLAGS)",
                "IFLA_GRE_OKEY (+GRE_KEY in IFLA_GRE_OFLAGS)"));
        o.addAll(List.of(
                Option.inPlace("iseq", ValueType.bool(), since, "GRE_SEQ in IFLA_GRE_IFLAGS: require sequence numbers"),
                Option.inPlace("oseq", ValueType.bool(), since, "GRE_SEQ in IFLA_GRE_OFLAGS: send sequence numbers"),
                Option.inPlace("icsum", ValueType.bool(), since, "GRE_CSUM in IFLA_GRE_IFLAGS: require checksums"),
                Option.inPlace("ocsum", ValueType.bool(), since, "GRE_CSUM in IFLA_GRE_OFLAGS: send checksums")));
        return o;
    }

    /** The first four attributes iproute2 writes: IKEY, OKEY, IFLAGS, OFLAGS. */
    void write(MessageWriter w) {
        w.putInt(IFLA_GRE_IKEY, ikey.orElse(0L));
        w.putInt(IFLA_GRE_OKEY, okey.orElse(0L));
        w.putInt(IFLA_GRE_IFLAGS, flags(ikey, iseq, icsum));
        w.putInt(IFLA_GRE_OFLAGS, flags(okey, oseq, ocsum));
    }

    private static int flags(Optional<Long> key, Optional<Boolean> seq, Optional<Boolean> csum) {
        return (key.isPresent() ? GRE_KEY : 0) | (seq.orElse(false) ? GRE_SEQ : 0)
                | (csum.orElse(false) ? GRE_CSUM : 0);
    }

    /** The header's options as {@code d} holds them, by key. */
    static Map<String, Optional<?>> decode(Attrs d) throws MalformedMessageException {
        long iflags = d.integer(IFLA_GRE_IFLAGS, 0);
        long oflags = d.integer(IFLA_GRE_OFLAGS, 0);
        return Map.of(
                "ikey", (iflags & GRE_KEY) != 0 ? d.integer(IFLA_GRE_IKEY) : Optional.empty(),
                "okey", (oflags & GRE_KEY) != 0 ? d.integer(IFLA_GRE_OKEY) : Optional.empty(),
                "iseq", Optional.of((iflags & GRE_SEQ) != 0), "oseq", Optional.of((oflags & GRE_SEQ) != 0),
                "icsum", Optional.of((iflags & GRE_CSUM) != 0), "ocsum", Optional.of((oflags & GRE_CSUM) != 0));
    }
}
