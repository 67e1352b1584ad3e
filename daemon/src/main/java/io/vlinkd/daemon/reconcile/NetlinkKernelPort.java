package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
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
 * ({@link NetlinkSocket#executeBatch}) to apply a wave. Kinds with a {@link PostCreateConfiguration} (team) are
 * also observed and configured over a NETLINK_GENERIC socket in the same namespace, opened on first need.
 */
public final class NetlinkKernelPort implements KernelPort, AutoCloseable {
    private final NetlinkSocket socket;
    private final Netns netns;
    private final ObservedStateReader reader;
    private NetlinkSocket genlSocket;
    private GenericNetlink genl;
    private final Map<String, NetnsFd> netnsFds = new HashMap<>();

    private NetlinkKernelPort(NetlinkSocket socket, Netns netns, Function<String, Optional<LinkKind<?>>> kinds) {
        this.socket = socket;
        this.netns = netns;
        this.reader = new ObservedStateReader(kinds);
    }

    /** A port in {@code netns} decoding with the kinds of {@link LinkKinds}. */
    public static NetlinkKernelPort open(Netns netns) throws KernelException {
        return open(netns, LinkKinds::byName);
    }

    public static NetlinkKernelPort open(Netns netns, Function<String, Optional<LinkKind<?>>> kinds)
            throws KernelException {
        try {
            return new NetlinkKernelPort(NetlinkSocket.open(Netlink.NETLINK_ROUTE, netns), netns, kinds);
        } catch (NetlinkException e) {
            throw new KernelException("cannot open an rtnetlink socket in " + netns + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ObservedState observe() throws KernelException {
        try {
            ObservedState state = reader.read(socket.dump(LinkRequests.dumpWithoutStats()),
                    socket.dump(AddressRequests.dump()), socket.dump(RouteRequests.dump()));
            return completed(state);
        } catch (NetlinkException e) {
            throw new KernelException("dump failed: " + e.getMessage(), e);
        } catch (MalformedMessageException e) {
            throw new KernelException("malformed dump: " + e.getMessage(), e);
        }
    }

    /**
     * The state with the specs of {@link PostCreateConfiguration} kinds completed over generic netlink: the dump
     * alone leaves their options unset, which would plan a configuration on every reconcile. A link whose options
     * cannot be read fails the observation (naming the link): comparing without them would be a guess.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ObservedState completed(ObservedState state) throws KernelException {
        if (state.links().stream().noneMatch(l -> l.kind() instanceof PostCreateConfiguration<?> && l.spec() != null)) {
            return state;
        }
        List<ObservedLink> links = new ArrayList<>(state.links().size());
        for (ObservedLink l : state.links()) {
            if (l.kind() instanceof PostCreateConfiguration pcc && l.spec() != null) {
                try {
                    links.add(l.withSpec((KindSpec) pcc.observe(genl(), l.index(), l.name(), l.spec())));
                } catch (NetlinkException e) {
                    throw new KernelException(l.name() + ": cannot read its " + l.kindName()
                            + " options over generic netlink: " + e.getMessage(), e);
                }
            } else {
                links.add(l);
            }
        }
        return new ObservedState(links, state.addresses(), state.routes());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public synchronized List<String> configure(LinkKind<?> kind, int ifindex, String name, KindSpec desired)
            throws KernelException, NetlinkException {
        if (!(kind instanceof PostCreateConfiguration pcc)) {
            throw new IllegalArgumentException(kind.name() + " has no post-create configuration");
        }
        return pcc.configure(genl(), ifindex, name, desired);
    }

    /** The NETLINK_GENERIC side, opened once, in the same namespace as the rtnetlink socket. */
    private synchronized GenericNetlink genl() throws KernelException {
        if (genl == null) {
            try {
                genlSocket = NetlinkSocket.open(Netlink.NETLINK_GENERIC, netns);
            } catch (NetlinkException e) {
                throw new KernelException("cannot open a generic netlink socket in " + netns + ": " + e.getMessage(),
                        e);
            }
            genl = GenericNetlink.of(genlSocket);
        }
        return genl;
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
        if (genlSocket != null) {
            genlSocket.close();
        }
        socket.close();
    }
}
