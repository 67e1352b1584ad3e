package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mapping of named settings under one key of an interface entry ({@code bridge-port: { learning: false }},
 * {@code ipv4: { forwarding: true }}): each key one of a table's settings, its value read with that setting's type.
 */
final class SettingsMapping {
    private SettingsMapping() {
    }

    /**
     * The values at {@code field}, by setting, in the config's order; empty after reporting an unknown key, a bad
     * value, or a mapping without any setting.
     *
     * @param noun     what one setting is called in messages: {@code option}, {@code setting}
     * @param refs     collects the interfaces a value names
     */
    static <S> Optional<Map<S, Object>> read(Mapping.Field field, FileContext ctx, String keyPath, String noun,
                                             List<S> settings, Function<S, String> keyOf,
                                             Function<S, ValueType> typeOf, List<Values.Ref> refs) {
        String key = field.key();
        Optional<Mapping> section = Mapping.read(field.value(), ctx, keyPath, "the " + key + " " + noun + "s (a "
                + "mapping)");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int before = ctx.problemCount();
        Map<S, Object> values = new LinkedHashMap<>();
        for (Mapping.Field f : section.get().fields()) {
            Optional<S> s = settings.stream().filter(x -> keyOf.apply(x).equals(f.key())).findFirst();
            if (s.isEmpty()) {
                ctx.add(f.keyNode(), Mapping.join(keyPath, f.key()), "unknown " + key + " " + noun
                        + Near.hint(f.key(), settings.stream().map(keyOf).toList()));
                continue;
            }
            Values.read(f.value(), typeOf.apply(s.get()), ctx, Mapping.join(keyPath, f.key()), refs)
                    .ifPresent(v -> values.put(s.get(), v));
        }
        if (ctx.problemCount() != before) {
            return Optional.empty();
        }
        if (values.isEmpty()) {
            ctx.add(field.value(), keyPath, key + ": lists no " + noun + "; leave the key out instead");
            return Optional.empty();
        }
        return Optional.of(values);
    }
}
