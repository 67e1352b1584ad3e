package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.socket.BatchResult;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.socket.NetnsFd;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kernel port over one rtnetlink socket in one network namespace: an observed state dumped once and kept current
 * from notifications ({@link EventFedObservation}), pipelined batches ({@link NetlinkSocket#executeBatch}) to send a
 * wave's rtnetlink requests. Kinds with a {@link PostCreateConfiguration} (team) are also observed over a
 * NETLINK_GENERIC socket in the same namespace, opened on first need, and the wave's generic netlink operations run
 * over it.
 */
public final class NetlinkKernelPort implements KernelPort, AutoCloseable {
    private final NetlinkSocket socket;
    private final EventSocket events;
    private final Netns netns;
    private final EventFedObservation observation;
    private NetlinkSocket genlSocket;
    private GenericNetlink genl;
    private final Map<String, NetnsFd> netnsFds = new HashMap<>();

    private NetlinkKernelPort(NetlinkSocket socket, EventSocket events, Netns netns,
                              Function<String, Optional<LinkKind<?>>> kinds) {
        this.socket = socket;
        this.events = events;
        this.netns = netns;
        this.observation = new EventFedObservation(new EventFedObservation.Source() {
            @Override
            public List<NlMessage> dumpLinks() throws NetlinkException {
                return socket.dump(LinkRequests.dumpWithoutStats());
            }

            @Override
            public List<NlMessage> dump(ResourceType<?, ?, ?, ?> type) throws NetlinkException {
                return socket.dump(type.dumpRequest());
            }

            @Override
            public List<NlMessage> getLink(int index) throws NetlinkException {
                try {
                    return socket.query(LinkRequests.getWithoutStats(index));
                } catch (NetlinkException e) {
                    if (e.errno() == Errno.ENODEV) {
                        return List.of();
                    }
                    throw e;
                }
            }

            @Override
            public List<NlMessage> pending() throws NetlinkException {
                return events.poll(Duration.ZERO);
            }
        }, new ObservedStateReader(kinds));
    }

    /**
     * The rtnetlink groups whose notifications report what an observation holds: those of every type of
     * {@link ResourceTypes#MANAGED} (links, and the objects of each resource type).
     */
    public static int[] eventGroups() {
        List<Integer> groups = new ArrayList<>();
        ResourceTypes.MANAGED.forEach(t -> groups.addAll(t.eventGroups()));
        return groups.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A port in {@code netns} decoding with the kinds of {@link LinkKinds}. */
    public static NetlinkKernelPort open(Netns netns) throws KernelException {
        return open(netns, LinkKinds::byName);
    }

    public static NetlinkKernelPort open(Netns netns, Function<String, Optional<LinkKind<?>>> kinds)
            throws KernelException {
        NetlinkSocket socket = null;
        try {
            socket = NetlinkSocket.open(Netlink.NETLINK_ROUTE, netns);
            // Subscribed before the first dump, so that nothing changes unseen between the two.
            EventSocket events = EventSocket.subscribe(netns, eventGroups());
            return new NetlinkKernelPort(socket, events, netns, kinds);
        } catch (NetlinkException e) {
            if (socket != null) {
                socket.close();
            }
            throw new KernelException("cannot open an rtnetlink socket in " + netns + ": " + e.getMessage(), e);
        }
    }

    /** Dumps everything at the next observation (a periodic re-read: what no notification told is seen then). */
    public synchronized void resync() {
        observation.invalidate();
    }

    /** How many times the whole state was dumped so far (the no-op benchmark checks it stays put). */
    public synchronized int fullDumps() {
        return observation.fullDumps();
    }

    @Override
    public synchronized ObservedState observe() throws KernelException {
        try {
            return completed(observation.current());
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
    private ObservedState completed(ObservedState state) throws KernelException {
        if (state.links().stream().noneMatch(NetlinkKernelPort::configuredAfterCreate)) {
            return state;
        }
        List<ObservedLink> links = new ArrayList<>(state.links().size());
        for (ObservedLink l : state.links()) {
            if (configuredAfterCreate(l)) {
                try {
                    links.add(l.withSpec(l.kind().typed(l.spec()).observe(genl(), l.index(), l.name())));
                } catch (NetlinkException e) {
                    throw new KernelException(l.name() + ": cannot read its " + l.kindName()
                            + " options over generic netlink: " + e.getMessage(), e);
                }
            } else {
                links.add(l);
            }
        }
        return state.withLinks(links);
    }

    private static boolean configuredAfterCreate(ObservedLink l) {
        return l.kind() != null && l.spec() != null && l.kind().postCreate().isPresent();
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
    public synchronized List<WriteResult> execute(List<Write> wave) throws KernelException {
        // What follows is verified against the kernel's own answer, not against notifications (see
        // EventFedObservation): the next observation dumps.
        observation.invalidate();
        List<WriteResult> out = new ArrayList<>(wave.size());
        List<Write.RtnlRequest> batch = new ArrayList<>();
        for (Write w : wave) {
            if (w instanceof Write.RtnlRequest r) {
                batch.add(r);
                continue;
            }
            out.addAll(send(batch));
            batch.clear();
            out.add(run((Write.GenlOperation) w));
        }
        out.addAll(send(batch));
        return out;
    }

    /** Sends rtnetlink requests pipelined ({@link NetlinkSocket#executeBatch}): one result each, in order. */
    private List<WriteResult> send(List<Write.RtnlRequest> batch) throws KernelException {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            List<BatchResult> results = socket.executeBatch(batch.stream().map(Write.RtnlRequest::request).toList());
            List<WriteResult> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.add(new WriteResult(batch.get(i), results.get(i).error(), List.of()));
            }
            return out;
        } catch (NetlinkException e) {
            throw new KernelException("the batch could not be completed: " + e.getMessage(), e);
        }
    }

    /** Runs a generic netlink operation over the NETLINK_GENERIC socket; the kernel's refusal is its result. */
    private synchronized WriteResult run(Write.GenlOperation op) throws KernelException {
        GenericNetlink g = genl();
        try {
            return new WriteResult(op, null, op.run(g));
        } catch (NetlinkException e) {
            return WriteResult.refused(op, e);
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
        events.close();
        socket.close();
    }
}
