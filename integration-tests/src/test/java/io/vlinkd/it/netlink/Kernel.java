package io.vlinkd.it.netlink;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.socket.NetnsFd;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Shared helpers of the socket tests. */
final class Kernel {
    private Kernel() {
    }

    static void assumeNamespaces() {
        Assumptions.assumeTrue(TestNamespace.available(),
                "needs root and `ip netns` to create network namespaces (runs in CI, which is root)");
    }

    /** Skips the test unless the namespace's kernel creates a vxlan. */
    static void assumeVxlan(TestNamespace ns) {
        Assumptions.assumeTrue(ns.supportsKind("vxlan", "id", "1", "dstport", "4789"),
                "this kernel has no vxlan: runs in the full-kernel lane");
    }

    /** An rtnetlink socket in the test namespace {@code ns}. */
    static NetlinkSocket routeSocket(TestNamespace ns) throws NetlinkException {
        return NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named(ns.name()));
    }

    /**
     * Every link of the socket's namespace by name, through our dump and decoder, but the kernel's own fallback
     * tunnel devices ({@link TestNamespace#isKernelFallbackDevice}).
     */
    static Map<String, LinkMessage> links(NetlinkSocket s) throws NetlinkException, MalformedMessageException {
        Map<String, LinkMessage> out = new LinkedHashMap<>();
        for (NlMessage m : s.dump(LinkRequests.dump())) {
            LinkMessage l = LinkMessage.decode(m);
            if (TestNamespace.isKernelFallbackDevice(l.name())) {
                continue;
            }
            if (out.put(l.name(), l) != null) {
                throw new AssertionError("the dump listed " + l.name() + " twice");
            }
        }
        return out;
    }

    /** The names in {@code ip -j link show} output, but the kernel's own fallback tunnel devices. */
    static List<String> names(com.fasterxml.jackson.databind.JsonNode links) {
        List<String> out = new java.util.ArrayList<>();
        links.forEach(l -> {
            String n = l.get("ifname").asText();
            if (!TestNamespace.isKernelFallbackDevice(n)) {
                out.add(n);
            }
        });
        return out;
    }

    /**
     * What an encoder needs, from the kernel: indexes by name through the socket, namespace fds opened here and
     * closed by the caller once the request is sent.
     */
    static EncodeContext context(NetlinkSocket s, List<NetnsFd> opened) {
        return new EncodeContext() {
            @Override
            public int ifindex(String name) {
                try {
                    return index(s, name);
                } catch (NetlinkException | MalformedMessageException e) {
                    throw new IllegalArgumentException("no link " + name + ": " + e.getMessage());
                }
            }

            @Override
            public int netnsFd(String netns) {
                try {
                    NetnsFd fd = Netns.named(netns).openFd();
                    opened.add(fd);
                    return fd.fd();
                } catch (NetlinkException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
        };
    }

    static int index(NetlinkSocket s, String name) throws NetlinkException, MalformedMessageException {
        for (NlMessage m : s.query(LinkRequests.get(name))) {
            return LinkMessage.decode(m).index();
        }
        throw new AssertionError("no reply for " + name);
    }
}
