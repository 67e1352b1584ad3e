package io.vlinkd.config;

import io.vlinkd.netlink.ip.Ipv4Setting;
import io.vlinkd.netlink.ip.Ipv4Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads an entry's {@code ipv4:}: a mapping of {@link Ipv4Setting}s ({@code net.ipv4.conf.NAME.*}). */
final class Ipv4Reader {
    private Ipv4Reader() {
    }

    static final Key KEY = new Key("ipv4", null, "IPv4 settings of the interface (net.ipv4.conf.NAME.*, set over "
            + "rtnetlink): forwarding, rp-filter, proxy-arp, arp-ignore, ...; those listed are set and kept, the "
            + "others left as they are");

    static Optional<Ipv4Settings> read(Mapping entry, FileContext ctx, String path) {
        Optional<Mapping.Field> field = entry.get(KEY.key());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        String keyPath = path + "." + KEY.key();
        Optional<Mapping> section = Mapping.read(field.get().value(), ctx, keyPath, "IPv4 settings (a mapping)");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int before = ctx.problemCount();
        Map<Ipv4Setting, Object> values = new LinkedHashMap<>();
        for (Mapping.Field f : section.get().fields()) {
            Optional<Ipv4Setting> s = Ipv4Setting.of(f.key());
            if (s.isEmpty()) {
                ctx.add(f.keyNode(), Mapping.join(keyPath, f.key()), "unknown ipv4 setting"
                        + Near.hint(f.key(), Ipv4Setting.ALL.stream().map(Ipv4Setting::key).toList()));
                continue;
            }
            Values.read(f.value(), s.get().configType(), ctx, Mapping.join(keyPath, f.key()), new ArrayList<>())
                    .ifPresent(v -> values.put(s.get(), v));
        }
        if (ctx.problemCount() != before) {
            return Optional.empty();
        }
        if (values.isEmpty()) {
            ctx.add(field.get().value(), keyPath, "ipv4: lists no setting; leave the key out instead");
            return Optional.empty();
        }
        return Optional.of(new Ipv4Settings(values));
    }
}
