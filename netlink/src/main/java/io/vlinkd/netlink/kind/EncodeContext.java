package io.vlinkd.netlink.kind;

/**
 * What an encoder needs from the world: interface indexes for names in options (vxlan {@code dev}, bond
 * {@code primary}) and open file descriptors of named network namespaces (veth {@code peer-netns}).
 * Offline rendering ({@code vlinkctl plan --offline}) uses placeholders.
 */
public interface EncodeContext {

    /** The ifindex of {@code name}; throws IllegalArgumentException when there is none. */
    int ifindex(String name);

    /** An open fd of {@code /run/netns/NAME}, valid until the request is sent. */
    int netnsFd(String netns);

    /** A context for rendering without a kernel: every name gets index 0 and every namespace fd -1. */
    static EncodeContext offline() {
        return new EncodeContext() {
            @Override
            public int ifindex(String name) {
                return 0;
            }

            @Override
            public int netnsFd(String netns) {
                return -1;
            }
        };
    }
}
