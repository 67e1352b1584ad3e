package io.vlinkd.config;

import java.util.List;

/** The lists of objects an interface entry may have beside its addresses, one per resource type. */
public final class EntrySections {
    private EntrySections() {
    }

    public static final List<EntrySection<?>> ALL = List.of(NeighbourSection.SECTION, FdbSection.SECTION,
            MdbSection.SECTION);
}
