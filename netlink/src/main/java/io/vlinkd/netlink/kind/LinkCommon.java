package io.vlinkd.netlink.kind;

import java.util.Optional;

/**
 * What a kind may need to know of the link's common settings to validate its own options
 * (a vlan needs a {@code link}, a vxlan multicast group needs a {@code dev} or a {@code link}...).
 */
public record LinkCommon(String name, Optional<String> link, Optional<String> master) {
}
