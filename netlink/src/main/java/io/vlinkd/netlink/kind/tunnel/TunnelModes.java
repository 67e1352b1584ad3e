package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mode} words of ipip, sit or ip6tnl and the IPPROTO number IFLA_IPTUN_PROTO carries for each, in
 * iproute2's spelling (link_iptnl.c, link_ip6tnl.c). Without a mode iproute2 sends {@code any} (0).
 */
final class TunnelModes {
    private final Map<String, Integer> protos;

    private TunnelModes(Map<String, Integer> protos) {
        this.protos = protos;
    }

    /** The modes in the order the docs list them; {@code any} is always one of them. */
    @SafeVarargs
    static TunnelModes of(Map.Entry<String, Integer>... modes) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : modes) {
            m.put(e.getKey(), e.getValue());
        }
        if (!m.containsKey("any")) {
            throw new IllegalArgumentException("a tunnel's modes include any, iproute2's default: " + m.keySet());
        }
        return new TunnelModes(m);
    }

    /** The option's value type: one of the words. */
    ValueType type() {
        return new ValueType.Choice(List.copyOf(protos.keySet()));
    }

    /** The IFLA_IPTUN_PROTO value of {@code mode}, {@code any} when not given. */
    int proto(Optional<String> mode) {
        return protos.get(mode.orElse("any"));
    }

    /** The word of a dumped IFLA_IPTUN_PROTO; empty when absent or not one of this kind's modes. */
    Optional<String> mode(Optional<Long> proto) {
        if (proto.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Integer> e : protos.entrySet()) {
            if (e.getValue() == proto.get().intValue()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
