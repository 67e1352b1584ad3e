package io.vlinkd.daemon.resource.address;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.netlink.route.AddressSpec;

/** One address of an interface entry's {@code addresses:}, with its entry (name, location, exclusivity). */
public record ListedAddress(DesiredLink entry, AddressSpec spec) {

    public AddressKey key() {
        return new AddressKey(entry.name(), spec.address(), spec.prefixLength());
    }
}
