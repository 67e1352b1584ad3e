package io.vlinkd.netlink.ip;

import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import io.vlinkd.netlink.wire.RawAttr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interface's IPv4 settings ({@code ipv4:} on its entry), by setting, in the config's values: what the config
 * sets (the others are not managed), or what a dump reports. Written and read over rtnetlink: RTM_NEWLINK with
 * IFLA_AF_SPEC { AF_INET { IFLA_INET_CONF { IPV4_DEVCONF_x: u32 } } } (inet_set_link_af), and a link dump's
 * IFLA_INET_CONF, an array of u32 indexed by IPV4_DEVCONF_x - 1 (inet_fill_link_af).
 */
public record Ipv4Settings(Map<Ipv4Setting, Object> values) {

    /** IFLA_INET_CONF, inside AF_SPEC's AF_INET nest. */
    static final Attr IFLA_INET_CONF = Attr.of("IFLA_INET_CONF", 1, AttrType.NESTED);
    private static final Attr AF_INET = Attr.of("AF_INET", Rtnl.AF_INET, AttrType.NESTED);

    public Ipv4Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The interface an RTM_NEWNETCONF names (NETCONFA_IFINDEX after the 4-byte netconfmsg), or 0 for none or for
     * {@code all} and {@code default} (negative indexes). The kernel announces changes of forwarding, rp_filter,
     * proxy ARP, bc_forwarding and ignore_routes_with_linkdown so; the other settings change silently.
     */
    public static int netconfIndex(NlMessage m) throws MalformedMessageException {
        long index = m.attributesAfter(4).integer(NETCONFA_IFINDEX, 0);
        return index > 0 && index <= Integer.MAX_VALUE ? (int) index : 0;
    }

    private static final Attr NETCONFA_IFINDEX = Attr.of("NETCONFA_IFINDEX", 1, AttrType.S32);

    /** The settings a dumped link reports; empty when it has no IPv4 device (an IPv4-less or CAN link). */
    public static Optional<Ipv4Settings> observed(LinkMessage m) throws MalformedMessageException {
        Optional<Attrs> af = m.attrs().nested(Ifla.IFLA_AF_SPEC);
        if (af.isEmpty()) {
            return Optional.empty();
        }
        Optional<Attrs> inet = af.get().nested(AF_INET);
        Optional<RawAttr> conf = inet.isEmpty() ? Optional.empty() : inet.get().raw(IFLA_INET_CONF);
        if (conf.isEmpty()) {
            return Optional.empty();
        }
        RawAttr c = conf.get();
        ByteBuffer b = ByteBuffer.wrap(c.buf(), c.offset(), c.length()).order(ByteOrder.nativeOrder());
        Map<Ipv4Setting, Object> values = new LinkedHashMap<>();
        for (Ipv4Setting s : Ipv4Setting.ALL) {
            int at = (s.index() - 1) * 4;
            if (at + 4 <= c.length()) {
                values.put(s, s.value(b.getInt(c.offset() + at) & 0xffffffffL));
            }
        }
        return Optional.of(new Ipv4Settings(values));
    }

    /** The settings of {@code want} whose value this (observed) differs from, in {@code want}'s order. */
    public List<Ipv4Setting> differences(Ipv4Settings want) {
        List<Ipv4Setting> out = new ArrayList<>();
        want.values.forEach((s, v) -> {
            if (!Objects.equals(values.get(s), v)) {
                out.add(s);
            }
        });
        return out;
    }

    /** These settings restricted to {@code settings}. */
    public Ipv4Settings only(List<Ipv4Setting> settings) {
        Map<Ipv4Setting, Object> m = new LinkedHashMap<>();
        settings.stream().filter(values::containsKey).forEach(s -> m.put(s, values.get(s)));
        return new Ipv4Settings(m);
    }

    /** RTM_NEWLINK {@code index} with IFLA_AF_SPEC / AF_INET / IFLA_INET_CONF holding each setting. */
    public NlRequest request(int index, String name) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, Netlink.NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        try (var spec = w.nest(Ifla.IFLA_AF_SPEC); var inet = w.nest(AF_INET); var conf = w.nest(IFLA_INET_CONF)) {
            values.forEach((s, v) -> w.putInt(Attr.of(s.key(), s.index(), AttrType.U32), s.wire(v)));
        }
        return w.finish("RTM_NEWLINK " + name + " (ipv4 settings)");
    }

    /** The equivalent sysctl command: {@code sysctl -w net.ipv4.conf.NAME.forwarding=1 ...}. */
    public String command(String link) {
        StringBuilder sb = new StringBuilder("sysctl -w");
        values.forEach((s, v) -> sb.append(' ').append(s.sysctl(link)).append('=').append(s.wire(v)));
        return sb.toString();
    }

    /** How a plan names the change: {@code forwarding true}. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        values.forEach((s, v) -> out.add(s.key() + " " + v));
        return out;
    }
}
