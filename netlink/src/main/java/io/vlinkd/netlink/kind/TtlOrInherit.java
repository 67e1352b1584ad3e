package io.vlinkd.netlink.kind;

import java.util.List;
import java.util.Optional;

/**
 * A ttl the spec holds in two fields, the number and an inherit flag ({@code ttl}, {@code ttlInherit}), that the
 * config says as one value: a number or {@code inherit} (vxlan, geneve).
 *
 * @param numbered what the flag field holds when the config gives a number: vxlan leaves it unset (it cannot switch
 *                 in place), geneve sets it false (a change to a number clears IFLA_GENEVE_TTL_INHERIT)
 */
record TtlOrInherit(Optional<Boolean> numbered) implements Option.Join {
    @Override
    public Object join(List<Optional<?>> fields) {
        return fields.get(1).equals(Optional.of(true)) ? "inherit" : fields.get(0).orElse(null);
    }

    @Override
    public List<Optional<?>> split(Object v) {
        return "inherit".equals(v) ? List.of(Optional.empty(), Optional.of(true)) : List.of(Optional.of(v), numbered);
    }
}
