package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.kind.EncodeContext;

/** Resolves interface names to the indexes of one observation, and namespaces through the port. */
final class ObservedContext implements EncodeContext {
    private final java.util.Map<String, ObservedLink> links;
    private final KernelPort port;

    ObservedContext(ObservedState state, KernelPort port) {
        this.links = state.byName();
        this.port = port;
    }

    @Override
    public int ifindex(String name) {
        ObservedLink l = links.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no interface " + name);
        }
        return l.index();
    }

    @Override
    public int netnsFd(String netns) {
        try {
            return port.netnsFd(netns);
        } catch (KernelException e) {
            throw new IllegalArgumentException("network namespace " + netns + ": " + e.getMessage(), e);
        }
    }
}
