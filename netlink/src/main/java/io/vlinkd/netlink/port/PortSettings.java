package io.vlinkd.netlink.port;

import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import io.vlinkd.netlink.wire.Netlink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A link's settings as the port of a bridge or bond, by option, in the config's values: what the config sets (the
 * keys it lists; the others are not managed), or what a dump reports. An interface option's value is a name, ""
 * for none; in what {@link #observed} decodes it is the ifindex (0 for none) until {@link #named} resolves it.
 */
public record PortSettings(PortMaster master, Map<PortOption, Object> values) {

    public PortSettings {
        Objects.requireNonNull(master, "master");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The port settings a dumped link reports (IFLA_INFO_SLAVE_DATA of a port of a bridge or bond); empty for a link
     * that is no port, or the port of another kind of master.
     */
    public static Optional<PortSettings> observed(LinkMessage m) throws MalformedMessageException {
        Optional<PortMaster> master = Optional.ofNullable(m.slaveKind()).flatMap(PortMaster::ofKind);
        if (master.isEmpty()) {
            return Optional.empty();
        }
        Map<PortOption, Object> values = new LinkedHashMap<>();
        for (PortOption o : master.get().options()) {
            Optional<Long> v = m.slaveData().integer(o.attr());
            if (v.isPresent()) {
                values.put(o, o.value(v.get()));
            } else if (o.namesInterface()) {
                values.put(o, 0); // the bridge leaves out IFLA_BRPORT_BACKUP_PORT when there is none
            }
        }
        return Optional.of(new PortSettings(master.get(), values));
    }

    /** These settings with each interface option's ifindex as a name ({@code names}; "" for 0 or unknown). */
    public PortSettings named(IntFunction<String> names) {
        Map<PortOption, Object> m = new LinkedHashMap<>(values);
        m.replaceAll((o, v) -> o.namesInterface() && v instanceof Integer i
                ? (i == 0 ? "" : Objects.requireNonNullElse(names.apply(i), "")) : v);
        return new PortSettings(master, m);
    }

    /** The options of {@code want} whose value this (observed, {@link #named}) differs from, in {@code want}'s order. */
    public List<PortOption> differences(PortSettings want) {
        List<PortOption> out = new ArrayList<>();
        for (Map.Entry<PortOption, Object> e : want.values.entrySet()) {
            if (master != want.master || !Objects.equals(values.get(e.getKey()), e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** These settings restricted to {@code options} (those it has). */
    public PortSettings only(List<PortOption> options) {
        Map<PortOption, Object> m = new LinkedHashMap<>();
        for (PortOption o : options) {
            if (values.containsKey(o)) {
                m.put(o, values.get(o));
            }
        }
        return new PortSettings(master, m);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * {@code ip link set dev NAME type bridge_slave learning off ...}: RTM_NEWLINK with IFLA_LINKINFO holding
     * IFLA_INFO_KIND {@code bridge_slave} (without its NUL, as iproute2 sends it) and IFLA_INFO_SLAVE_DATA.
     */
    public NlRequest request(int index, String name, EncodeContext ctx) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, Netlink.NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, master.portKind());
            try (var data = w.nest(Ifla.IFLA_INFO_SLAVE_DATA)) {
                for (Map.Entry<PortOption, Object> e : values.entrySet()) {
                    PortOption o = e.getKey();
                    Object v = e.getValue();
                    long wire = o.namesInterface() ? ("".equals(v) ? 0 : ctx.ifindex((String) v)) : o.wire(v);
                    w.putInt(o.attr(), wire);
                }
            }
        }
        return w.finish("RTM_NEWLINK " + name + " (" + master.portKind() + ")");
    }

    /** The words after {@code ip link set dev NAME}: {@code type bridge_slave learning off cost 5}. */
    public String ipWords() {
        StringBuilder sb = new StringBuilder("type ").append(master.portKind());
        values.forEach((o, v) -> sb.append(' ').append(o.ipWords(v)));
        return sb.toString();
    }

    /** How a plan names the change: {@code learning false}, {@code cost 5}. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        values.forEach((o, v) -> out.add(o.key() + " " + (o.namesInterface() && "".equals(v) ? "none" : v)));
        return out;
    }
}
