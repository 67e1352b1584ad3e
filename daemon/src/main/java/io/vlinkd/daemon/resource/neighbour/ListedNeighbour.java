package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.netlink.route.NeighbourSpec;

/** One entry of an interface entry's {@code neighbours:}, with its interface entry (name, location). */
public record ListedNeighbour(DesiredLink entry, NeighbourSpec spec) {

    public NeighbourKey key() {
        return new NeighbourKey(entry.name(), spec.address());
    }
}
