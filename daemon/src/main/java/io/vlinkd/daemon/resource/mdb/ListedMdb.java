package io.vlinkd.daemon.resource.mdb;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.netlink.route.MdbSpec;

/** One entry of a bridge entry's {@code mdb:}, with the bridge's entry (name, location). */
public record ListedMdb(DesiredLink bridge, MdbSpec spec) {

    public MdbKey key() {
        return new MdbKey(bridge.name(), spec);
    }
}
