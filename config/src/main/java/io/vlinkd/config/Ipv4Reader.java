package io.vlinkd.config;

import io.vlinkd.netlink.ip.Ipv4Setting;
import io.vlinkd.netlink.ip.Ipv4Settings;
import java.util.ArrayList;
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
        return SettingsMapping.read(field.get(), ctx, path + "." + KEY.key(), "setting", Ipv4Setting.ALL,
                Ipv4Setting::key, Ipv4Setting::type, new ArrayList<>()).map(Ipv4Settings::new);
    }
}
