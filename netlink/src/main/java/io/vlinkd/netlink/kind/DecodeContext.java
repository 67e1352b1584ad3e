package io.vlinkd.netlink.kind;

import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What a decoder needs from the dump it came from: interface names for indexes found in attributes, and the
 * link's own top-level IFLA_LINK / IFLA_LINK_NETNSID (a veth's or vxcan's peer is only visible through them: the
 * kernel dumps no VETH_INFO_PEER).
 */
public interface DecodeContext {

    Optional<String> nameOf(int ifindex);

    /** The decoded link's IFLA_LINK (veth, vxcan: the peer's ifindex), when the context knows it. */
    default Optional<Integer> link() {
        return Optional.empty();
    }

    /**
     * The decoded link's IFLA_LINK_NETNSID: present when its IFLA_LINK lives in another namespace, numbered as this
     * namespace knows it (not a name: {@code ip netns} names are not visible through netlink).
     */
    default Optional<Integer> linkNetnsId() {
        return Optional.empty();
    }

    static DecodeContext none() {
        return index -> Optional.empty();
    }

    /**
     * A context for one dumped link: {@code names} resolves indexes of this namespace, {@code link} and
     * {@code linkNetnsId} are the link's IFLA_LINK and IFLA_LINK_NETNSID (null when absent).
     */
    static DecodeContext forLink(IntFunction<Optional<String>> names, Integer link, Integer linkNetnsId) {
        return new DecodeContext() {
            @Override
            public Optional<String> nameOf(int ifindex) {
                return names.apply(ifindex);
            }

            @Override
            public Optional<Integer> link() {
                return Optional.ofNullable(link);
            }

            @Override
            public Optional<Integer> linkNetnsId() {
                return Optional.ofNullable(linkNetnsId);
            }
        };
    }
}
