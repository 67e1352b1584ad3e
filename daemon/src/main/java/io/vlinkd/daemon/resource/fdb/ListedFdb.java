package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.netlink.route.FdbSpec;

/** One entry of an interface entry's {@code fdb:}, with its interface entry (name, master, location). */
public record ListedFdb(DesiredLink entry, FdbSpec spec) {

    public FdbKey key() {
        return new FdbKey(entry.name(), spec);
    }
}
