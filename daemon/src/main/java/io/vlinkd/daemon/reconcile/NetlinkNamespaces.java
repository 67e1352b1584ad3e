package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.socket.Netns;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's named network namespaces ({@code ip netns add NAME} bind-mounts one at {@code /run/netns/NAME}), each
 * reached by a {@link NetlinkKernelPort} whose sockets are opened inside it. Opening a socket in another namespace
 * takes setns(2), which needs CAP_SYS_ADMIN as well as CAP_NET_ADMIN.
 */
public final class NetlinkNamespaces implements NamespacedReconciler.Namespaces {
    private static final Path RUN_NETNS = Path.of("/run/netns");

    @Override
    public boolean exists(String netns) {
        return Files.exists(RUN_NETNS.resolve(netns));
    }

    @Override
    public NamespacedReconciler.Opened open(String netns) throws KernelException {
        NetlinkKernelPort port = NetlinkKernelPort.open(Netns.named(netns));
        return new NamespacedReconciler.Opened(port, port);
    }
}
