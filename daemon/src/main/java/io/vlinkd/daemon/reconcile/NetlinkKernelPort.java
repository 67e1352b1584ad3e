package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.socket.BatchResult;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.socket.NetnsFd;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kernel port over one rtnetlink socket in one network namespace: three dumps to observe, pipelined batches
 * ({@link NetlinkSocket#executeBatch}) to apply a wave.
 */
public final class NetlinkKernelPort implements KernelPort, AutoCloseable {
    private final NetlinkSocket socket;
    private final ObservedStateReader reader;
    private final Map<String, NetnsFd> netnsFds = new HashMap<>();

    private NetlinkKernelPort(NetlinkSocket socket, Function<String, Optional<LinkKind<?>>> kinds) {
        this.socket = socket;
        this.reader = new ObservedStateReader(kinds);
    }

    /** A port in {@code netns} decoding with the kinds of {@link LinkKinds}. */
    public static NetlinkKernelPort open(Netns netns) throws KernelException {
        return open(netns, LinkKinds::byName);
    }

    public static NetlinkKernelPort open(Netns netns, Function<String, Optional<LinkKind<?>>> kinds)
            throws KernelException {
        try {
            return new NetlinkKernelPort(NetlinkSocket.open(Netlink.NETLINK_ROUTE, netns), kinds);
        } catch (NetlinkException e) {
            throw new KernelException("cannot open an rtnetlink socket in " + netns + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ObservedState observe() throws KernelException {
        try {
            return reader.read(socket.dump(LinkRequests.dump()), socket.dump(AddressRequests.dump()),
                    socket.dump(RouteRequests.dump()));
        } catch (NetlinkException e) {
            throw new KernelException("dump failed: " + e.getMessage(), e);
        } catch (MalformedMessageException e) {
            throw new KernelException("malformed dump: " + e.getMessage(), e);
        }
    }

    @Override
    public List<WriteResult> apply(List<NlRequest> wave) throws KernelException {
        try {
            List<WriteResult> out = new ArrayList<>(wave.size());
            for (BatchResult r : socket.executeBatch(wave)) {
                out.add(new WriteResult(r.request(), r.error()));
            }
            return out;
        } catch (NetlinkException e) {
            throw new KernelException("the batch could not be completed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized int netnsFd(String netns) throws KernelException {
        NetnsFd fd = netnsFds.get(netns);
        if (fd == null) {
            try {
                fd = Netns.named(netns).openFd();
            } catch (NetlinkException | IllegalArgumentException e) {
                throw new KernelException("network namespace " + netns + ": " + e.getMessage(), e);
            }
            netnsFds.put(netns, fd);
        }
        return fd.fd();
    }

    @Override
    public synchronized void close() {
        netnsFds.values().forEach(NetnsFd::close);
        netnsFds.clear();
        socket.close();
    }
}
