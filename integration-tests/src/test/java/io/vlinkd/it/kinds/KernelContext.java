package io.vlinkd.it.kinds;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.socket.NetnsFd;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves names for an encoder the way the daemon will: interface indexes as the test namespace has them now
 * ({@code ip -j link show}), namespace names to open fds of {@code /run/netns/NAME}. Close it after the request is
 * sent: that closes the fds.
 */
final class KernelContext implements EncodeContext, AutoCloseable {
    private final TestNamespace ns;
    private final List<NetnsFd> open = new ArrayList<>();

    KernelContext(TestNamespace ns) {
        this.ns = ns;
    }

    @Override
    public int ifindex(String name) {
        var link = ns.link(name);
        if (link == null) {
            throw new IllegalArgumentException("no link " + name + " in " + ns.name());
        }
        return link.get("ifindex").asInt();
    }

    @Override
    public int netnsFd(String netns) {
        try {
            NetnsFd fd = Netns.named(netns).openFd();
            open.add(fd);
            return fd.fd();
        } catch (NetlinkException e) {
            throw new IllegalArgumentException("cannot open netns " + netns + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        open.forEach(NetnsFd::close);
        open.clear();
    }
}
