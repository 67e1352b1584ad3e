package io.vlinkd.config;

import java.util.List;
import java.util.Optional;

/** The lists of objects an interface entry may have beside its addresses, one per resource type. */
public final class EntrySections {
    private EntrySections() {
    }

    public static final List<EntrySection<?>> ALL = List.of(NeighbourSection.SECTION, FdbSection.SECTION,
            MdbSection.SECTION, BridgeVlanSection.SECTION, VlanTunnelSection.SECTION);

    /** The section whose shorthand is {@code key} in the section of kind {@code kind}, if any. */
    static Optional<EntrySection<?>> withShorthand(String kind, String key) {
        return ALL.stream().filter(s -> s.shorthand().filter(h -> h.kind().equals(kind) && h.key().key().equals(key))
                .isPresent()).findFirst();
    }

    /** The shorthand keys of {@code kind}'s section. */
    static List<Key> shorthandKeys(String kind) {
        return ALL.stream().flatMap(s -> s.shorthand().stream()).filter(h -> h.kind().equals(kind))
                .map(EntrySection.Shorthand::key).toList();
    }
}
