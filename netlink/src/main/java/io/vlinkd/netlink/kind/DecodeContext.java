package io.vlinkd.netlink.kind;

import java.util.Optional;

/** What a decoder needs from the dump it came from: interface names for indexes found in attributes. */
public interface DecodeContext {

    Optional<String> nameOf(int ifindex);

    static DecodeContext none() {
        return index -> Optional.empty();
    }
}
