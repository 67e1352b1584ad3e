package io.vlinkd.config;

import io.vlinkd.netlink.port.PortMaster;
import io.vlinkd.netlink.port.PortOption;
import io.vlinkd.netlink.port.PortSettings;
import java.util.List;
import java.util.Optional;

/**
 * Reads an entry's settings as the port of its master: {@code bridge-port:} or {@code bond-port:}, a mapping of the
 * {@link PortMaster}'s options. Whether the master is of that kind is the merge's to check (it knows every entry).
 */
final class PortReader {
    private PortReader() {
    }

    /** The {@code bridge-port:} and {@code bond-port:} keys of an interface entry, for {@link Keys}. */
    static List<Key> keys() {
        return java.util.Arrays.stream(PortMaster.values()).map(m -> new Key(m.configKey(), null,
                "Settings of this interface as a port of its master:, a " + m.kind() + " (ip link set dev NAME "
                        + "type " + m.portKind() + " ...); the options listed are set, the others left as they "
                        + "are")).toList();
    }

    /**
     * The settings of the entry's port key, where it has one; a problem (reported) when it has several, or no
     * {@code master:}, or a bad option. {@code refs} collects the interfaces an option names.
     */
    static Optional<PortSettings> read(Mapping entry, FileContext ctx, String path, List<Values.Ref> refs) {
        Optional<PortSettings> found = Optional.empty();
        for (PortMaster master : PortMaster.values()) {
            Optional<Mapping.Field> field = entry.get(master.configKey());
            if (field.isEmpty()) {
                continue;
            }
            String keyPath = path + "." + master.configKey();
            if (found.isPresent()) {
                ctx.add(field.get().keyNode(), keyPath, "an interface is the port of one master: it has "
                        + found.get().master().configKey() + ": already");
                continue;
            }
            if (!entry.has("master")) {
                ctx.add(field.get().keyNode(), keyPath, master.configKey() + ": needs master: (the " + master.kind()
                        + " this interface is a port of)");
                continue;
            }
            found = read(master, field.get(), ctx, keyPath, refs);
        }
        return found;
    }

    private static Optional<PortSettings> read(PortMaster master, Mapping.Field field, FileContext ctx,
                                               String keyPath, List<Values.Ref> refs) {
        return SettingsMapping.read(field, ctx, keyPath, "option", master.options(), PortOption::key,
                PortOption::type, refs).map(values -> new PortSettings(master, values));
    }
}
