package io.vlinkd.daemon.reconcile;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;

import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.address.ObservedAddress;
import io.vlinkd.daemon.resource.fdb.FdbType;
import io.vlinkd.daemon.resource.fdb.ObservedFdb;
import io.vlinkd.daemon.resource.mdb.MdbType;
import io.vlinkd.daemon.resource.mdb.ObservedMdb;
import io.vlinkd.daemon.resource.vlan.BridgeVlanType;
import io.vlinkd.daemon.resource.vlan.ObservedBridgeVlan;
import io.vlinkd.daemon.resource.vlan.ObservedVlanTunnel;
import io.vlinkd.daemon.resource.vlan.VlanTunnelType;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.neighbour.NeighbourType;
import io.vlinkd.daemon.resource.neighbour.ProxyNeighbourType;
import io.vlinkd.daemon.resource.neighbour.ObservedNeighbour;
import io.vlinkd.daemon.resource.nexthop.NexthopType;
import io.vlinkd.daemon.resource.nexthop.ObservedNexthop;
import io.vlinkd.daemon.resource.route.ObservedRoute;
import io.vlinkd.daemon.resource.route.RouteType;
import io.vlinkd.daemon.resource.rule.ObservedRule;
import io.vlinkd.daemon.resource.rule.RuleType;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.ip.Ipv4Setting;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.port.PortMaster;
import io.vlinkd.netlink.port.PortOption;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.Ifa;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.BridgeVlan;
import io.vlinkd.netlink.route.Brvlan;
import io.vlinkd.netlink.route.VlanTunnel;
import io.vlinkd.netlink.route.FdbMessage;
import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.route.MdbEntry;
import io.vlinkd.netlink.route.Mdba;
import io.vlinkd.netlink.route.NdMsg;
import io.vlinkd.netlink.route.NeighbourMessage;
import io.vlinkd.netlink.route.NexthopMessage;
import io.vlinkd.netlink.route.RouteMessage;
import io.vlinkd.netlink.route.NexthopSpec;
import io.vlinkd.netlink.route.RuleAction;
import io.vlinkd.netlink.route.RuleMessage;
import io.vlinkd.netlink.route.RuleSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An in-memory kernel for unit tests. It decodes the very request bytes vlinkd would send and answers as the
 * kernel does where the reconciler cares (the contract suite runs the same tests against a real namespace):
 * EEXIST for a name taken (with no extack text, like the kernel), ENODEV for a missing index, a master that must
 * exist and be able to take ports, deleting a master frees its ports, deleting a link drops its addresses and
 * routes and the links stacked on it, deleting one end of a veth-like pair deletes both, a RECREATE option in a
 * change is refused (EOPNOTSUPP, "Cannot change VNI" for vxlan), routes need their device up and a reachable
 * gateway, and taking an IPv4 device down drops its routes. It also counts writes and injects failures.
 *
 * <p>Named namespaces are other fakes ({@link #addNamespace}): a pair whose peer nest carries IFLA_NET_NS_FD gets
 * its peer there (each end reports the other's index as IFLA_LINK, with IFLA_LINK_NETNSID), and deleting either end
 * deletes both.
 *
 * <p>Not emulated: kernel-generated objects (IPv6 link-local addresses, prefix routes), operstate/carrier, MTU
 * limits of kinds.
 */
public final class FakeKernel implements KernelPort {
    /** VETH_INFO_PEER (and VXCAN_INFO_PEER): struct ifinfomsg + the peer's attributes. */
    private static final Attr INFO_PEER = Attr.of("INFO_PEER", 1, AttrType.BINARY);

    private final Function<String, Optional<LinkKind<?>>> kinds;
    private final TreeMap<Integer, ObservedLink> links = new TreeMap<>();
    private final List<ObservedAddress> addresses = new ArrayList<>();
    private final List<ObservedRoute> routes = new ArrayList<>();
    private final List<ObservedNeighbour> neighbours = new ArrayList<>();
    private final List<ObservedNeighbour> proxies = new ArrayList<>();
    private final List<ObservedFdb> fdb = new ArrayList<>();
    private final List<ObservedMdb> mdb = new ArrayList<>();
    /** Bridge VLANs; unlike a kernel with VLAN filtering, the fake gives no port or bridge the default VLAN 1. */
    private final List<ObservedBridgeVlan> vlans = new ArrayList<>();
    /** Policy rules, the kernel's three IPv4 and two IPv6 defaults first. */
    private final List<ObservedRule> rules = new ArrayList<>(defaultRules());
    private final List<ObservedVlanTunnel> tunnels = new ArrayList<>();
    /** Nexthop objects, by id in the order added. */
    private final Map<Long, ObservedNexthop> nexthops = new LinkedHashMap<>();
    private final Map<Integer, NetlinkException> faults = new LinkedHashMap<>();
    /** Named namespaces reachable through IFLA_NET_NS_FD, by name and by the fd {@link #netnsFd} hands out. */
    private final Map<String, Integer> namespaceFds = new LinkedHashMap<>();
    private final Map<Integer, FakeKernel> namespaces = new LinkedHashMap<>();
    /** Ends of pairs whose other end is in another fake namespace: index here → the other end. */
    private final Map<Integer, RemoteEnd> remoteEnds = new LinkedHashMap<>();
    private int nextIndex = 2;
    private int writes;
    private int genlWrites;
    private int observations;
    private long macCounter = 1;

    public FakeKernel() {
        this(LinkKinds::byName);
    }

    /** @param kinds the kind registry to decode with (tests add their own kinds) */
    public FakeKernel(Function<String, Optional<LinkKind<?>>> kinds) {
        this.kinds = kinds;
        links.put(1, new ObservedLink(1, "lo", null, null, null, 65536, null, true, 0, 0, null, 1000, 0, -1));
    }

    /** Write requests received so far (also the refused ones). */
    public synchronized int writes() {
        return writes;
    }

    public synchronized int observations() {
        return observations;
    }

    /** Makes the {@code n}-th write from now (1-based) fail with {@code errno} and the extack {@code message}. */
    public synchronized void failWrite(int n, int errno, String message) {
        faults.put(writes + n, new NetlinkException("injected", errno, message, null, null));
    }

    @Override
    public synchronized ObservedState observe() {
        observations++;
        return new ObservedState(new ArrayList<>(links.values()), Map.of(AddressType.TYPE, addresses,
                RouteType.TYPE, routes, NeighbourType.TYPE, neighbours, ProxyNeighbourType.TYPE, proxies, FdbType.TYPE, fdb, MdbType.TYPE, mdb,
                BridgeVlanType.TYPE, vlans, RuleType.TYPE, rules,
                VlanTunnelType.TYPE, tunnels, NexthopType.TYPE, new ArrayList<>(nexthops.values())));
    }

    @Override
    public synchronized int netnsFd(String netns) throws KernelException {
        Integer fd = namespaceFds.get(netns);
        if (fd == null) {
            throw new KernelException("network namespace " + netns + ": open /run/netns/" + netns
                    + " (netns " + netns + "): ENOENT");
        }
        return fd;
    }

    /** Makes {@code kernel} reachable as named namespace {@code name} (IFLA_NET_NS_FD in a pair's peer nest). */
    public synchronized void addNamespace(String name, FakeKernel kernel) {
        int fd = 1000 + namespaceFds.size();
        namespaceFds.put(name, fd);
        namespaces.put(fd, kernel);
    }

    /** The other end of a pair, in another fake namespace. */
    private record RemoteEnd(FakeKernel kernel, int index) {
    }

    /** Registers the peer a pair's creator in {@code creator} puts here; returns its index. */
    private synchronized int acceptPeer(String name, LinkKind<?> kind, KindSpec spec, FakeKernel creator,
                                        int creatorIndex) throws Refusal {
        if (byName(name) != null) {
            throw new Refusal(Errno.EEXIST, null);
        }
        int index = nextIndex++;
        links.put(index, new ObservedLink(index, name, kind.name(), kind, spec, 1500, nextMac(), false, 0,
                creatorIndex, null, 1000, 2, 0, null, DEFAULT_IPV4));
        remoteEnds.put(index, new RemoteEnd(creator, creatorIndex));
        return index;
    }

    /** Deletes the end of a pair whose other end was deleted in another fake namespace. */
    private synchronized void dropPeer(int index) {
        remoteEnds.remove(index);
        links.remove(index);
        addresses.removeIf(a -> a.index() == index);
        routes.removeIf(r -> r.oif() == index);
        neighbours.removeIf(n -> n.index() == index);
        fdb.removeIf(e -> e.index() == index);
        mdb.removeIf(e -> e.port() == index || e.bridge() == index);
        vlans.removeIf(v -> v.index() == index);
        tunnels.removeIf(t -> t.index() == index);
    }

    /** Executes each write in turn: an rtnetlink request as {@link #apply} does, team options as a kernel would. */
    @Override
    public synchronized List<WriteResult> execute(List<Write> wave) {
        List<WriteResult> out = new ArrayList<>(wave.size());
        for (Write w : wave) {
            if (w instanceof Write.RtnlRequest r) {
                out.add(send(r));
                continue;
            }
            try {
                out.add(new WriteResult(w, null, configure((Write.LinkOptions) w)));
            } catch (NetlinkException e) {
                out.add(WriteResult.refused(w, e));
            }
        }
        return out;
    }

    /** Sends rtnetlink requests as the reconciler would (tests set up and change the kernel's state with it). */
    public synchronized List<WriteResult> apply(List<NlRequest> requests) {
        List<WriteResult> out = new ArrayList<>(requests.size());
        for (NlRequest r : requests) {
            out.add(send(new Write.RtnlRequest(r)));
        }
        return out;
    }

    private WriteResult send(Write.RtnlRequest w) {
        NlRequest r = w.request();
        writes++;
        NetlinkException fault = faults.remove(writes);
        if (fault != null) {
            return WriteResult.refused(w, new NetlinkException(r.summary(), fault.errno(), fault.kernelMessage(),
                    null, null));
        }
        try {
            handle(r);
            return WriteResult.ok(w);
        } catch (Refusal e) {
            return WriteResult.refused(w, new NetlinkException(r.summary(), e.errno, e.getMessage(), null, null));
        } catch (MalformedMessageException e) {
            return WriteResult.refused(w, new NetlinkException(r.summary(), Errno.EINVAL, e.getMessage(), null,
                    null));
        }
    }

    /** Generic-netlink writes received so far (a team's mode set); also counted in {@link #writes}. */
    public synchronized int genlWrites() {
        return genlWrites;
    }

    /**
     * The fake's generic netlink side: the post-create options live in the link's stored spec (the fake's dump
     * reports them, as {@link NetlinkKernelPort} completes its dump over generic netlink). Like team, nothing is
     * sent when the options are already as desired, and a change is refused while the link has ports (EBUSY,
     * "No ports can be present during mode change").
     */
    private List<String> configure(Write.LinkOptions options) throws NetlinkException {
        LinkKind<?> kind = options.kind();
        int ifindex = options.ifindex();
        String name = options.name();
        KindSpec desired = options.desired();
        String what = options.summary();
        ObservedLink l = links.get(ifindex);
        if (l == null || !l.name().equals(name)) {
            throw new NetlinkException(what, Errno.ENODEV, null, null, null);
        }
        if (l.kind() != kind || !(kind instanceof PostCreateConfiguration<?>)) {
            throw new NetlinkException(what, Errno.EOPNOTSUPP, "not a " + kind.name(), null, null);
        }
        List<Difference> diffs = KindTraits.differences(kind, desired, l.spec());
        if (diffs.isEmpty()) {
            return List.of();
        }
        writes++;
        genlWrites++;
        NetlinkException fault = faults.remove(writes);
        if (fault != null) {
            throw new NetlinkException(what, fault.errno(), fault.kernelMessage(), null, null);
        }
        if (links.values().stream().anyMatch(p -> p.master() == ifindex)) {
            throw new NetlinkException(what, Errno.EBUSY, "No ports can be present during mode change", null, null);
        }
        links.put(ifindex, l.withSpec(kind.typed(desired).over(l.spec())));
        return diffs.stream().map(d -> d.key() + " " + Difference.text(d.desired())).toList();
    }

    /** Adds a link as if someone else (not vlinkd) had created it; returns its index. */
    public synchronized int addForeignLink(String name, String kindName, KindSpec spec, boolean up) {
        LinkKind<?> kind = kindName == null ? null : kinds.apply(kindName).orElse(null);
        int index = nextIndex++;
        links.put(index, new ObservedLink(index, name, kindName, kind, spec, 1500, nextMac(), up, 0, 0, null, 1000,
                up ? 6 : 2, -1, null, DEFAULT_IPV4));
        return index;
    }

    // ---- request handling ---------------------------------------------------------------------------------

    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int errno;

        Refusal(int errno, String message) {
            super(message);
            this.errno = errno;
        }
    }

    private void handle(NlRequest r) throws Refusal, MalformedMessageException {
        NlMessage m = NlMessage.parseOne(r.bytes());
        switch (m.type()) {
            case Rtnl.RTM_NEWLINK -> newLink(m);
            case Rtnl.RTM_SETLINK, Rtnl.RTM_DELLINK -> {
                if (IfInfoMsg.read(m).family() == Rtnl.AF_BRIDGE) {
                    vlan(m);
                } else if (m.type() == Rtnl.RTM_DELLINK) {
                    delLink(LinkMessage.decode(m));
                } else {
                    throw new Refusal(Errno.EOPNOTSUPP, "the fake kernel takes RTM_SETLINK of family AF_BRIDGE only");
                }
            }
            case Rtnl.RTM_NEWADDR -> newAddr(AddressMessage.decode(m), m.flags());
            case Rtnl.RTM_DELADDR -> delAddr(AddressMessage.decode(m));
            case Rtnl.RTM_NEWROUTE -> newRoute(RouteMessage.decode(m), m.flags());
            case Rtnl.RTM_DELROUTE -> delRoute(RouteMessage.decode(m));
            case Rtnl.RTM_NEWMDB, Rtnl.RTM_DELMDB -> mdb(m);
            case Rtnl.RTM_NEWNEXTHOP -> newNexthop(NexthopMessage.decode(m).orElseThrow(), m.flags());
            case Rtnl.RTM_DELNEXTHOP -> delNexthop(NexthopMessage.decode(m).orElseThrow().nexthop().id());
            case Rtnl.RTM_NEWRULE, Rtnl.RTM_DELRULE -> rule(RuleMessage.decode(m).orElseThrow(),
                    m.type() == Rtnl.RTM_NEWRULE);
            case Rtnl.RTM_NEWNEIGH, Rtnl.RTM_DELNEIGH -> {
                if (NdMsg.read(m).family() == Rtnl.AF_BRIDGE) {
                    fdb(FdbMessage.decode(m).orElseThrow(), m.type() == Rtnl.RTM_NEWNEIGH);
                } else if (m.type() == Rtnl.RTM_NEWNEIGH) {
                    newNeigh(NeighbourMessage.decode(m));
                } else {
                    delNeigh(NeighbourMessage.decode(m));
                }
            }
            default -> throw new Refusal(Errno.EOPNOTSUPP, "the fake kernel does not handle "
                    + Rtnl.typeName(m.type()));
        }
    }

    /**
     * fib_nl_newrule: an identical rule is EEXIST (with NLM_F_EXCL, as vlinkd sends it); fib_nl_delrule removes the
     * rule that matches what the request gives, its protocol included (vlinkd's deletes give every selector), else
     * ENOENT.
     */
    private void rule(RuleMessage r, boolean add) throws Refusal {
        ObservedRule asked = new ObservedRule(r.rule(), r.protocol());
        Optional<ObservedRule> same = rules.stream().filter(x -> x.equals(asked)).findFirst();
        if (add) {
            if (same.isPresent()) {
                throw new Refusal(Errno.EEXIST, null);
            }
            rules.add(asked);
            rules.sort(java.util.Comparator.comparingLong(x -> x.rule().priority()));
        } else {
            rules.remove(same.orElseThrow(() -> new Refusal(Errno.ENOENT, null)));
        }
    }

    /**
     * rtm_new_nexthop: an id in use is EEXIST unless NLM_F_REPLACE, which changes it in place (a group for a group,
     * a next hop for a next hop: EINVAL otherwise); a group's members must exist and be no groups (EINVAL).
     */
    private void newNexthop(NexthopMessage n, int flags) throws Refusal {
        ObservedNexthop have = nexthops.get(n.nexthop().id());
        if (have != null && (flags & Netlink.NLM_F_REPLACE) == 0) {
            throw new Refusal(Errno.EEXIST, null);
        }
        if (have != null && have.nexthop().isGroup() != n.nexthop().isGroup()) {
            throw new Refusal(Errno.EINVAL, "Can not replace a nexthop with a nexthop group.");
        }
        for (var m : n.nexthop().group()) {
            ObservedNexthop member = nexthops.get(m.id());
            if (member == null || member.nexthop().isGroup()) {
                throw new Refusal(Errno.EINVAL, "Invalid nexthop id");
            }
        }
        nexthops.put(n.nexthop().id(), new ObservedNexthop(n.nexthop(), n.oif(), n.protocol()));
    }

    /** rtm_del_nexthop by id; the kernel also takes it out of its groups (a group left empty goes with it). */
    private void delNexthop(long id) throws Refusal {
        if (nexthops.remove(id) == null) {
            throw new Refusal(Errno.ENOENT, null);
        }
        for (ObservedNexthop g : List.copyOf(nexthops.values())) {
            List<NexthopSpec.Member> left = g.nexthop().group().stream().filter(m -> m.id() != id).toList();
            if (left.size() == g.nexthop().group().size()) {
                continue;
            }
            NexthopSpec s = g.nexthop();
            if (left.isEmpty()) {
                nexthops.remove(s.id());
            } else {
                nexthops.put(s.id(), new ObservedNexthop(new NexthopSpec(s.id(), s.family(), s.via(), s.dev(),
                        s.onlink(), s.blackhole(), s.fdb(), left, s.type(), s.buckets(), s.idleTimer()), g.oif(),
                        g.protocol()));
            }
        }
    }

    /** Someone else's nexthop ({@code ip nexthop add ... proto P}), or a change made by hand to any. */
    public void putNexthop(NexthopSpec n, int oif, int protocol) {
        nexthops.put(n.id(), new ObservedNexthop(n.withDev(Optional.empty()), oif, protocol));
    }

    /** {@code ip nexthop del id ID} by hand. */
    public void removeNexthop(long id) {
        nexthops.remove(id);
    }

    private static List<ObservedRule> defaultRules() {
        List<ObservedRule> out = new ArrayList<>();
        for (int family : new int[] {Rtnl.AF_INET, Rtnl.AF_INET6}) {
            for (long[] pt : family == Rtnl.AF_INET ? new long[][] {{0, 255}, {32766, 254}, {32767, 253}}
                    : new long[][] {{0, 255}, {32766, 254}}) {
                out.add(new ObservedRule(new RuleSpec(family, pt[0], Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), 0, 0, 0, 0, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, -1, RuleAction.LOOKUP, pt[1], 0), Rtnl.RTPROT_KERNEL));
            }
        }
        return out;
    }

    private ObservedLink byName(String name) {
        for (ObservedLink l : links.values()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    private ObservedLink target(LinkMessage lm) throws Refusal {
        ObservedLink l = lm.index() > 0 ? links.get(lm.index()) : lm.name() == null ? null : byName(lm.name());
        if (l == null) {
            throw new Refusal(Errno.ENODEV, null);
        }
        return l;
    }

    private void checkMaster(Integer master, int self) throws Refusal {
        if (master == null || master == 0) {
            return;
        }
        ObservedLink m = links.get(master);
        if (m == null) {
            // do_set_master: an unknown master index is EINVAL, not ENODEV.
            throw new Refusal(Errno.EINVAL, null);
        }
        // The kernel's device of that kind name decides, whichever kinds this fake decodes with (a test's own).
        if (master == self || m.kindName() == null
                || !LinkKinds.byName(m.kindName()).map(LinkKind::takesPorts).orElse(false)) {
            // do_set_master: a device without ndo_add_slave.
            throw new Refusal(Errno.EOPNOTSUPP, null);
        }
    }

    /**
     * bond_enslave() refuses a port that is up ("Device can not be enslaved while up", EPERM) and team_port_add()
     * likewise (EBUSY); a bridge or vrf takes it. {@code upWhenEnslaved}: the port's state when the kernel gets to
     * IFLA_MASTER, which on a create comes after rtnl_configure_link() has brought it up, and on a change comes
     * before the request's own up/down (do_setlink sets the master first).
     */
    private void checkEnslaveWhileUp(Integer master, int currentMaster, boolean upWhenEnslaved) throws Refusal {
        if (master == null || master == 0 || master == currentMaster || !upWhenEnslaved) {
            return;
        }
        String kind = links.get(master).kindName();
        if ("bond".equals(kind)) {
            throw new Refusal(Errno.EPERM, "Device can not be enslaved while up");
        }
        if ("team".equals(kind)) {
            throw new Refusal(16 /* EBUSY */, null);
        }
    }

    private void newLink(NlMessage m) throws Refusal, MalformedMessageException {
        LinkMessage lm = LinkMessage.decode(m);
        if ((m.flags() & NLM_F_CREATE) == 0) {
            changeLink(lm);
            return;
        }
        if (lm.name() == null) {
            throw new Refusal(Errno.EINVAL, "the fake kernel wants IFLA_IFNAME on create");
        }
        ObservedLink existing = byName(lm.name());
        if (existing != null) {
            if ((m.flags() & NLM_F_EXCL) != 0) {
                throw new Refusal(Errno.EEXIST, null);
            }
            changeLink(lm);
            return;
        }
        LinkKind<?> kind = lm.kind() == null ? null : kinds.apply(lm.kind()).orElse(null);
        if (kind == null) {
            throw new Refusal(Errno.EOPNOTSUPP, "Unknown device type");
        }
        if (lm.link() != null && lm.link() != 0 && !links.containsKey(lm.link())) {
            throw new Refusal(Errno.ENODEV, null);
        }
        checkMaster(lm.master(), -1);
        String peerName = peerName(lm.infoData());
        Integer peerFd = peerNetnsFd(lm.infoData());
        FakeKernel peerKernel = peerFd == null ? null : namespaces.get(peerFd);
        if (peerFd != null && peerKernel == null) {
            throw new Refusal(9 /* EBADF */, null);
        }
        if (peerName != null && peerKernel == null && byName(peerName) != null) {
            throw new Refusal(Errno.EEXIST, null);
        }
        KindSpec spec = storedSpec(kind, kind.cast(kind.decode(lm.infoData(), this::nameOf)));
        for (String ref : KindTraits.references(kind, spec)) {
            if (byName(ref) == null) {
                throw new Refusal(Errno.ENODEV, null);
            }
        }
        boolean up = (lm.flags() & Rtnl.IFF_UP) != 0;
        checkEnslaveWhileUp(lm.master(), 0, up);
        // veth_newlink() registers the peer first: it gets the lower ifindex and is dumped first.
        int peerIndex = peerName == null || peerKernel != null ? 0 : nextIndex++;
        int index = nextIndex++;
        if (peerKernel != null) {
            peerIndex = peerKernel.acceptPeer(peerName, kind, spec, this, index);
            remoteEnds.put(index, new RemoteEnd(peerKernel, peerIndex));
        }
        int parent = peerName != null ? peerIndex : lm.link() == null ? 0 : lm.link();
        links.put(index, new ObservedLink(index, lm.name(), kind.name(), kind, spec,
                lm.mtu() == null ? 1500 : lm.mtu(), lm.address() == null ? nextMac() : lm.address(), up,
                lm.master() == null ? 0 : lm.master(), parent, lm.alias(),
                lm.txqlen() == null ? 1000 : lm.txqlen(), up ? 6 : 2, peerKernel != null ? 0 : -1,
                portIn(null, lm.master() == null ? 0 : lm.master()), DEFAULT_IPV4));
        if (peerName != null && peerKernel == null) {
            links.put(peerIndex, new ObservedLink(peerIndex, peerName, kind.name(), kind, spec,
                    lm.mtu() == null ? 1500 : lm.mtu(), nextMac(), false, 0, index, null, 1000, 2, -1, null,
                    DEFAULT_IPV4));
        }
    }

    /** What a dump reports of a created link's spec: a veth-like peer is never dumped in IFLA_INFO_DATA. */
    private KindSpec storedSpec(LinkKind<?> kind, KindSpec decoded) {
        if (!KindTraits.hasPeerOption(kind)) {
            return decoded;
        }
        List<String> keys = new ArrayList<>(KindTraits.options(kind, decoded).asMap().keySet());
        keys.remove(KindTraits.peerKey(kind));
        keys.remove(KindTraits.PEER_NETNS);
        return KindTraits.restrict(kind, decoded, keys);
    }

    private String peerName(Attrs data) throws MalformedMessageException {
        Attrs peer = peerAttrs(data);
        return peer == null ? null : peer.string(Ifla.IFLA_IFNAME).orElse(null);
    }

    /** IFLA_NET_NS_FD inside a pair's peer nest: the namespace its peer goes to. */
    private Integer peerNetnsFd(Attrs data) throws MalformedMessageException {
        Attrs peer = peerAttrs(data);
        return peer == null ? null : peer.integer(Ifla.IFLA_NET_NS_FD).map(Long::intValue).orElse(null);
    }

    /** The attributes of a pair's peer nest (after its ifinfomsg), or null when there is none. */
    private static Attrs peerAttrs(Attrs data) throws MalformedMessageException {
        Optional<io.vlinkd.netlink.wire.RawAttr> peer = data.raw(INFO_PEER);
        if (peer.isEmpty() || peer.get().length() < IfInfoMsg.LENGTH) {
            return null;
        }
        io.vlinkd.netlink.wire.RawAttr p = peer.get();
        return Attrs.parse(p.buf(), p.offset() + IfInfoMsg.LENGTH, p.length() - IfInfoMsg.LENGTH);
    }

    private Optional<String> nameOf(int index) {
        ObservedLink l = links.get(index);
        return l == null ? Optional.empty() : Optional.of(l.name());
    }

    private void changeLink(LinkMessage lm) throws Refusal, MalformedMessageException {
        ObservedLink l = target(lm);
        if (lm.kind() != null && lm.kind().endsWith("_slave")) {
            changePort(l, lm);
            return;
        }
        KindSpec spec = l.spec();
        if (lm.kind() != null) {
            if (!lm.kind().equals(l.kindName())) {
                throw new Refusal(Errno.EOPNOTSUPP, null);
            }
            if (lm.mtu() != null && !lm.infoData().isEmpty() && "vxlan".equals(l.kindName())) {
                // vxlan_changelink -> vxlan_nl2conf(changelink=true): IFLA_MTU beside IFLA_INFO_DATA is refused.
                throw new Refusal(Errno.EOPNOTSUPP, "Cannot change mtu");
            }
            LinkKind<?> kind = l.kind();
            KindSpec asked = kind.cast(kind.decode(lm.infoData(), this::nameOf));
            Map<String, Object> askedValues = KindTraits.options(kind, asked).asMap();
            List<String> askedKeys = new ArrayList<>(askedValues.keySet());
            KindSpec askedOnly = KindTraits.restrict(kind, asked, askedKeys);
            for (Difference d : KindTraits.differences(kind, askedOnly, l.spec())) {
                if (d.change() == Option.Change.RECREATE) {
                    throw new Refusal(Errno.EOPNOTSUPP, d.reason() != null ? d.reason() : "Cannot change " + d.key());
                }
            }
            spec = kind.typed(asked).over(l.spec());
        }
        checkMaster(lm.master(), l.index());
        checkEnslaveWhileUp(lm.master(), l.master(), l.up());
        boolean up = l.up();
        int change = lm.header().change();
        if (lm.header().flags() != 0 || change != 0) {
            int flags = change != 0 ? (lm.header().flags() & change) | ((l.up() ? Rtnl.IFF_UP : 0) & ~change)
                    : lm.header().flags();
            up = (flags & Rtnl.IFF_UP) != 0;
        }
        ObservedLink updated = new ObservedLink(l.index(), l.name(), l.kindName(), l.kind(), spec,
                lm.mtu() == null ? l.mtu() : lm.mtu(), lm.address() == null ? l.mac() : lm.address(), up,
                lm.master() == null ? l.master() : lm.master(), l.parent(),
                lm.alias() == null ? l.alias() : lm.alias().isEmpty() ? null : lm.alias(),
                lm.txqlen() == null ? l.txqueuelen() : lm.txqlen(), up ? 6 : 2, l.linkNetnsId(),
                portIn(l, lm.master() == null ? l.master() : lm.master()), ipv4After(l, lm));
        links.put(l.index(), updated);
        if (l.up() && !up) {
            // fib_disable_ip: taking a device down flushes its IPv4 routes; neigh_ifdown its neighbour entries.
            routes.removeIf(r -> r.oif() == l.index() && r.isIpv4());
            neighbours.removeIf(n -> n.index() == l.index());
        }
        if (l.master() != updated.master()) {
            // br_fdb_delete_by_port: a port that leaves its bridge takes its entries in that bridge along.
            fdb.removeIf(e -> e.index() == l.index() && (e.flags() & Rtnl.NTF_MASTER) != 0);
            mdb.removeIf(e -> e.port() == l.index() && e.bridge() != l.index());
            // nbp_vlan_flush: and its VLANs.
            vlans.removeIf(v -> v.index() == l.index() && !v.self());
            tunnels.removeIf(t -> t.index() == l.index());
        }
    }

    /** A new link's IPv4 settings, as a kernel with the default net.ipv4.conf.default gives them. */
    private static final Ipv4Settings DEFAULT_IPV4 = defaultIpv4();

    private static Ipv4Settings defaultIpv4() {
        Map<Ipv4Setting, Object> m = new LinkedHashMap<>();
        for (Ipv4Setting s : Ipv4Setting.ALL) {
            boolean on = List.of("accept-redirects", "secure-redirects", "send-redirects").contains(s.key());
            m.put(s, s.value(on ? 1 : 0));
        }
        return new Ipv4Settings(m);
    }

    /** {@code l}'s IPv4 settings after {@code lm}: those its IFLA_AF_SPEC / AF_INET / IFLA_INET_CONF sets. */
    private static Ipv4Settings ipv4After(ObservedLink l, LinkMessage lm) throws MalformedMessageException {
        Optional<Attrs> inet = lm.attrs().nested(Ifla.IFLA_AF_SPEC)
                .flatMap(af -> uncheckedNested(af, Rtnl.AF_INET));
        if (inet.isEmpty() || l.ipv4() == null) {
            return l.ipv4();
        }
        Map<Ipv4Setting, Object> m = new LinkedHashMap<>(l.ipv4().values());
        Attrs conf = uncheckedNested(inet.get(), 1).orElseThrow();
        for (Ipv4Setting s : Ipv4Setting.ALL) {
            conf.integer(Attr.of(s.key(), s.index(), AttrType.U32)).ifPresent(v -> m.put(s, s.value(v)));
        }
        return new Ipv4Settings(m);
    }

    private static Optional<Attrs> uncheckedNested(Attrs a, int type) {
        try {
            return a.nested(Attr.of("nest", type, AttrType.NESTED));
        } catch (MalformedMessageException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The port settings of {@code l} (null: a new link) in {@code master}: kept while it stays, the kernel's
     * defaults when it joins a bridge or bond (br_port_flags: learning and flooding on; bond queue id and prio 0),
     * none elsewhere.
     */
    private PortSettings portIn(ObservedLink l, int master) {
        if (l != null && l.master() == master) {
            return l.port();
        }
        ObservedLink m = links.get(master);
        Optional<PortMaster> kind = m == null ? Optional.empty() : PortMaster.ofKind(m.kindName());
        if (kind.isEmpty()) {
            return null;
        }
        Map<PortOption, Object> values = new LinkedHashMap<>();
        for (PortOption o : kind.get().options()) {
            values.put(o, switch (o.key()) {
                case "state" -> "forwarding";
                case "priority" -> 32L;
                case "cost" -> 2L;
                case "learning", "flood", "mcast-flood", "bcast-flood" -> true;
                case "backup-port" -> 0;
                case "queue-id", "prio" -> 0L;
                default -> false;
            });
        }
        return new PortSettings(kind.get(), values);
    }

    /**
     * {@code ip link set dev X type bridge_slave ...}: br_port_slave_changelink; a link that is not the port of a
     * master of that kind gets EOPNOTSUPP (rtnl_newlink finds no slave ops).
     */
    private void changePort(ObservedLink l, LinkMessage lm) throws Refusal, MalformedMessageException {
        if (l.port() == null || !l.port().master().portKind().equals(lm.kind())) {
            throw new Refusal(Errno.EOPNOTSUPP, null);
        }
        Map<PortOption, Object> values = new LinkedHashMap<>(l.port().values());
        for (PortOption o : l.port().master().options()) {
            Optional<Long> v = lm.slaveData().integer(o.attr());
            if (v.isPresent()) {
                if (o.namesInterface() && v.get() != 0 && !links.containsKey(v.get().intValue())) {
                    throw new Refusal(Errno.ENOENT, null);
                }
                values.put(o, o.value(v.get()));
            }
        }
        links.put(l.index(), new ObservedLink(l.index(), l.name(), l.kindName(), l.kind(), l.spec(), l.mtu(),
                l.mac(), l.up(), l.master(), l.parent(), l.alias(), l.txqueuelen(), l.operstate(), l.linkNetnsId(),
                new PortSettings(l.port().master(), values), l.ipv4()));
    }

    private void delLink(LinkMessage lm) throws Refusal {
        ObservedLink l = target(lm);
        Set<Integer> doomed = new LinkedHashSet<>();
        Deque<ObservedLink> work = new ArrayDeque<>();
        work.add(l);
        while (!work.isEmpty()) {
            ObservedLink d = work.poll();
            if (!doomed.add(d.index())) {
                continue;
            }
            for (ObservedLink other : links.values()) {
                // IFLA_LINK of a link whose IFLA_LINK_NETNSID is set is an index in another namespace.
                boolean pair = KindTraits.hasPeerOption(d.kind()) && d.linkNetnsId() < 0 && d.parent() == other.index();
                boolean stacked = other.parent() == d.index() && other.linkNetnsId() < 0
                        || KindTraits.references(other.kind(), other.spec()).contains(d.name());
                if (pair || stacked) {
                    work.add(other);
                }
            }
        }
        for (int i : doomed) {
            links.remove(i);
            RemoteEnd end = remoteEnds.remove(i);
            if (end != null) {
                end.kernel().dropPeer(end.index());
            }
        }
        for (ObservedLink other : new ArrayList<>(links.values())) {
            if (doomed.contains(other.master())) {
                vlans.removeIf(v -> v.index() == other.index() && !v.self());
                tunnels.removeIf(t -> t.index() == other.index());
                links.put(other.index(), other.withMaster(0));
            }
        }
        addresses.removeIf(a -> doomed.contains(a.index()));
        routes.removeIf(r -> doomed.contains(r.oif()));
        neighbours.removeIf(n -> doomed.contains(n.index()));
        fdb.removeIf(e -> doomed.contains(e.index()) || doomed.contains(masterOf(e)));
        mdb.removeIf(e -> doomed.contains(e.port()) || doomed.contains(e.bridge()));
        vlans.removeIf(v -> doomed.contains(v.index()));
        tunnels.removeIf(t -> doomed.contains(t.index()));
    }

    /**
     * A bridge VLAN: on a port of a bridge, or ({@code self}) on the bridge itself; an add sets the flags of a VLAN
     * the interface has (and a PVID takes the place of the interface's other one), a delete of one it lacks is
     * ENOENT.
     */
    private void vlan(NlMessage m) throws Refusal, MalformedMessageException {
        int index = IfInfoMsg.read(m).index();
        ObservedLink l = links.get(index);
        if (l == null) {
            throw new Refusal(Errno.ENODEV, null);
        }
        Attrs spec = m.attributesAfter(IfInfoMsg.LENGTH).nested(Ifla.IFLA_AF_SPEC).orElseThrow();
        boolean self = (spec.integer(Brvlan.IFLA_BRIDGE_FLAGS, 0) & Brvlan.BRIDGE_FLAGS_SELF) != 0;
        if (self ? !"bridge".equals(l.kindName()) : l.master() == 0) {
            throw new Refusal(Errno.EOPNOTSUPP, self ? "not a bridge" : "not a bridge port");
        }
        Optional<Attrs> tunnel = spec.nested(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_INFO);
        if (tunnel.isPresent()) {
            tunnel(index, tunnel.get(), m.type() == Rtnl.RTM_SETLINK);
            return;
        }
        byte[] info = spec.bytes(Brvlan.IFLA_BRIDGE_VLAN_INFO).orElseThrow();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(info).order(java.nio.ByteOrder.nativeOrder());
        int flags = b.getShort();
        BridgeVlan v = new BridgeVlan(b.getShort(), (flags & Brvlan.BRIDGE_VLAN_INFO_PVID) != 0,
                (flags & Brvlan.BRIDGE_VLAN_INFO_UNTAGGED) != 0);
        boolean had = vlans.removeIf(x -> x.index() == index && x.vlan().vid() == v.vid());
        if (m.type() == Rtnl.RTM_DELLINK) {
            if (!had) {
                throw new Refusal(Errno.ENOENT, null);
            }
            tunnels.removeIf(t -> t.index() == index && t.tunnel().vid() == v.vid());
            return;
        }
        if (v.pvid()) {
            vlans.replaceAll(x -> x.index() == index && x.vlan().pvid()
                    ? new ObservedBridgeVlan(index, self, new BridgeVlan(x.vlan().vid(), false, x.vlan().untagged()))
                    : x);
        }
        vlans.add(new ObservedBridgeVlan(index, self, v));
    }

    /**
     * A port's VLAN tunnel mapping: of a VLAN the port has (EINVAL otherwise); a VLAN mapped to another id, or an id
     * mapped to another VLAN, is EEXIST; a delete of a mapping the port lacks is ENOENT.
     */
    private void tunnel(int index, Attrs t, boolean add) throws Refusal, MalformedMessageException {
        VlanTunnel want = new VlanTunnel((int) t.integer(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_VID, 0),
                t.integer(Brvlan.IFLA_BRIDGE_VLAN_TUNNEL_ID, 0));
        ObservedVlanTunnel o = new ObservedVlanTunnel(index, want);
        if (!add) {
            if (!tunnels.remove(o)) {
                throw new Refusal(Errno.ENOENT, null);
            }
            return;
        }
        if (vlans.stream().noneMatch(v -> v.index() == index && v.vlan().vid() == want.vid())) {
            throw new Refusal(Errno.EINVAL, "no such VLAN on the port");
        }
        if (tunnels.contains(o)) {
            return;
        }
        if (tunnels.stream().anyMatch(x -> x.index() == index && (x.tunnel().vid() == want.vid()
                || x.tunnel().tunnelId() == want.tunnelId()))) {
            throw new Refusal(Errno.EEXIST, null);
        }
        tunnels.add(o);
    }

    /** A VLAN someone else (or the kernel: vid 1 pvid untagged) put on {@code name}. */
    public synchronized void addForeignVlan(String name, boolean self, BridgeVlan vlan) {
        vlans.add(new ObservedBridgeVlan(byName(name).index(), self, vlan));
    }

    /** An MDB entry needs its bridge and a port of it (or the bridge itself); an add of one present is EEXIST. */
    private void mdb(NlMessage m) throws Refusal, MalformedMessageException {
        int bridge = m.u32(4);
        MdbEntry e = MdbEntry.read(m.attributesAfter(8).bytes(Mdba.MDBA_SET_ENTRY).orElseThrow());
        ObservedLink port = links.get(e.port());
        if (!links.containsKey(bridge) || port == null || port.index() != bridge && port.master() != bridge) {
            throw new Refusal(Errno.ENODEV, null);
        }
        ObservedMdb entry = new ObservedMdb(bridge, e.port(), e.group(), e.vlan(), MdbEntry.PERMANENT,
                Rtnl.RTPROT_STATIC);
        java.util.function.Predicate<ObservedMdb> same = x -> x.bridge() == bridge && x.port() == e.port()
                && x.group().equals(e.group()) && x.vlan() == e.vlan();
        boolean had = mdb.stream().anyMatch(same);
        if (m.type() == Rtnl.RTM_NEWMDB && had) {
            throw new Refusal(Errno.EEXIST, null);
        } else if (m.type() == Rtnl.RTM_NEWMDB) {
            mdb.add(entry);
        } else if (!mdb.removeIf(same)) {
            throw new Refusal(Errno.ENOENT, null);
        }
    }

    /** The bridge a port's entry is in (0 for a device's own entry). */
    private int masterOf(ObservedFdb e) {
        ObservedLink l = links.get(e.index());
        return (e.flags() & Rtnl.NTF_MASTER) != 0 && l != null ? l.master() : 0;
    }

    /**
     * A port's entry (NTF_MASTER) needs the port to have a master, and replaces the entry of its MAC and VLAN; a
     * remote (NTF_SELF with a destination) is appended beside the MAC's others. A delete removes exactly its entry.
     */
    private void fdb(FdbMessage fm, boolean add) throws Refusal {
        int index = fm.header().index();
        ObservedLink l = links.get(index);
        if (l == null) {
            throw new Refusal(Errno.ENODEV, null);
        }
        boolean master = (fm.header().flags() & Rtnl.NTF_MASTER) != 0;
        if (master && l.master() == 0) {
            throw new Refusal(Errno.EINVAL, "not a bridge port");
        }
        ObservedFdb e = new ObservedFdb(index, fm.entry(), master ? Rtnl.NUD_NOARP : fm.header().state(),
                fm.header().flags());
        boolean had = fdb.removeIf(x -> x.index() == index && x.entry().equals(fm.entry())
                && (x.flags() & Rtnl.NTF_MASTER) == (fm.header().flags() & Rtnl.NTF_MASTER));
        if (add) {
            fdb.add(e);
        } else if (!had) {
            throw new Refusal(Errno.ENOENT, null);
        }
    }

    /** An entry the bridge learned ({@code state} NUD_REACHABLE), or someone else's, on {@code name}. */
    public synchronized void addForeignFdb(String name, FdbSpec entry, int state, int flags) {
        fdb.add(new ObservedFdb(byName(name).index(), entry, state, flags));
    }

    /** vlinkd sends every neighbour entry with NLM_F_REPLACE: it creates the entry or replaces it in place. */
    private void newNeigh(NeighbourMessage nm) throws Refusal {
        if (!links.containsKey(nm.header().index())) {
            throw new Refusal(Errno.ENODEV, null);
        }
        ObservedNeighbour n = new ObservedNeighbour(nm.header().index(), nm.address(), nm.lladdr(), nm.isPermanent(),
                nm.protocol());
        List<ObservedNeighbour> table = nm.isProxyEntry() ? proxies : neighbours;
        table.removeIf(x -> x.index() == n.index() && x.address().equals(n.address()));
        table.add(n);
    }

    private void delNeigh(NeighbourMessage nm) throws Refusal {
        List<ObservedNeighbour> table = nm.isProxyEntry() ? proxies : neighbours;
        if (!table.removeIf(x -> x.index() == nm.header().index() && x.address().equals(nm.address()))) {
            throw new Refusal(Errno.ENOENT, null);
        }
    }

    /** An entry the kernel learned (ARP, NDP) or someone else added on {@code name}. */
    public synchronized void addForeignNeighbour(String name, InetAddress address, String lladdr, boolean permanent,
                                                 int protocol) {
        ObservedLink l = byName(name);
        neighbours.add(new ObservedNeighbour(l.index(), address, lladdr, permanent, protocol));
    }

    private void newAddr(AddressMessage am, int flags) throws Refusal, MalformedMessageException {
        if (!links.containsKey(am.index())) {
            throw new Refusal(Errno.ENODEV, null);
        }
        InetAddress own = am.own();
        for (ObservedAddress a : addresses) {
            if (a.index() == am.index() && a.address().equals(own) && a.prefixLength() == am.prefixLength()) {
                if ((flags & Netlink.NLM_F_REPLACE) == 0 || (flags & Netlink.NLM_F_EXCL) != 0) {
                    throw new Refusal(Errno.EEXIST, null);
                }
                // NLM_F_REPLACE: lifetimes and protocol change; flags too for IPv6 only (inet6_addr_modify()).
                ObservedAddress n = address(am, own);
                int keep = a.address() instanceof java.net.Inet6Address ? n.flags() : (a.flags()
                        & Rtnl.IFA_F_NOPREFIXROUTE) | (n.flags() & Rtnl.IFA_F_PERMANENT);
                addresses.set(addresses.indexOf(a), new ObservedAddress(a.index(), a.address(), a.prefixLength(),
                        a.peer(), keep, n.protocol(), n.validLifetime(), n.preferredLifetime()));
                return;
            }
        }
        addresses.add(address(am, own));
    }

    /**
     * As net/ipv4/devinet.c and addrconf: an address with a finite valid lifetime is not IFA_F_PERMANENT;
     * IFA_FLAGS' noprefixroute and IFA_PROTO are kept.
     */
    private static ObservedAddress address(AddressMessage am, InetAddress own) throws MalformedMessageException {
        long[] lifetimes = AddressType.lifetimes(am);
        int flags = (lifetimes[0] == ObservedAddress.FOREVER ? Rtnl.IFA_F_PERMANENT : 0)
                | (int) (am.attrs().integer(Ifa.IFA_FLAGS, 0) & Rtnl.IFA_F_NOPREFIXROUTE);
        return new ObservedAddress(am.index(), own, am.prefixLength(), am.peer(), flags,
                (int) am.attrs().integer(Ifa.IFA_PROTO, 0), lifetimes[0], lifetimes[1]);
    }

    /**
     * An address someone else added on {@code name}: {@code flags} (0 for a dynamic one, as SLAAC or DHCP make;
     * {@link Rtnl#IFA_F_PERMANENT} for one added by hand) and {@code protocol} (IFA_PROTO, 0 for none).
     */
    public synchronized void addForeignAddress(String name, InetAddress address, int prefixLength, int flags,
                                               int protocol) {
        ObservedLink l = links.values().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        addresses.add(new ObservedAddress(l.index(), address, prefixLength, null, flags, protocol));
    }

    private void delAddr(AddressMessage am) throws Refusal {
        InetAddress own = am.own();
        boolean removed = addresses.removeIf(a -> a.index() == am.index() && a.address().equals(own)
                && a.prefixLength() == am.prefixLength());
        if (!removed) {
            throw new Refusal(Errno.EADDRNOTAVAIL, null);
        }
    }

    private void newRoute(RouteMessage rm, int flags) throws Refusal, MalformedMessageException {
        int oif = rm.oif() == null ? 0 : rm.oif();
        boolean onlink = (rm.header().flags() & Rtnl.RTNH_F_ONLINK) != 0;
        if (oif != 0) {
            ObservedLink dev = links.get(oif);
            if (dev == null) {
                throw new Refusal(Errno.ENODEV, null);
            }
            if (!dev.up() && rm.header().type() == Rtnl.RTN_UNICAST) {
                throw new Refusal(100 /* ENETDOWN */, "Device for nexthop is not up");
            }
        }
        if (rm.gateway() != null && !onlink && !reachable(rm.gateway(), oif)) {
            throw new Refusal(101 /* ENETUNREACH */, "Nexthop has invalid gateway");
        }
        if (rm.nexthopId().isPresent() && !nexthops.containsKey(rm.nexthopId().get())) {
            throw new Refusal(Errno.EINVAL, "Nexthop id does not exist");
        }
        ObservedRoute r = toObserved(rm, oif, onlink);
        for (ObservedRoute have : routes) {
            if (have.key().equals(r.key())) {
                if ((flags & Netlink.NLM_F_REPLACE) == 0 || (flags & Netlink.NLM_F_EXCL) != 0) {
                    throw new Refusal(Errno.EEXIST, null);
                }
                routes.set(routes.indexOf(have), r); // NLM_F_REPLACE: in place
                return;
            }
        }
        routes.add(r);
    }

    private void delRoute(RouteMessage rm) throws Refusal, MalformedMessageException {
        ObservedRoute want = toObserved(rm, rm.oif() == null ? 0 : rm.oif(), false);
        for (ObservedRoute have : routes) {
            boolean same = have.family() == want.family() && have.dst().equals(want.dst())
                    && have.prefixLength() == want.prefixLength() && have.table() == want.table()
                    && (rm.priority() == null || have.priority() == want.priority())
                    && (rm.protocol() == 0 || have.protocol() == rm.protocol());
            if (same) {
                routes.remove(have);
                return;
            }
        }
        throw new Refusal(3 /* ESRCH */, null);
    }

    private ObservedRoute toObserved(RouteMessage rm, int oif, boolean onlink) throws MalformedMessageException {
        int family = rm.header().family();
        InetAddress dst = rm.dst() != null ? rm.dst() : any(family);
        long priority = rm.priority() != null ? rm.priority() : family == Rtnl.AF_INET6 ? 1024 : 0;
        return new ObservedRoute(family, dst, rm.header().dstLength(), rm.table(), rm.protocol(),
                rm.header().scope(), rm.header().type(), rm.gateway(), oif, priority, rm.prefsrc(), onlink,
                rm.mtu() == null ? 0 : rm.mtu(),
                // As net/ipv6/route.c: every IPv6 route has a preference, medium unless set.
                family == Rtnl.AF_INET6 ? Math.max(rm.pref(), 0) : -1, rm.nexthopId().orElse(0L), rm.multipath());
    }

    private boolean reachable(InetAddress gw, int oif) {
        for (ObservedAddress a : addresses) {
            // The gateway is reachable through the prefix route of an address, which exists while its link is up.
            ObservedLink dev = links.get(a.index());
            if ((oif == 0 || a.index() == oif) && dev != null && dev.up()
                    && samePrefix(a.address(), gw, a.prefixLength())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(InetAddress a, InetAddress b, int len) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return false;
        }
        for (int bit = 0; bit < len; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress any(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == Rtnl.AF_INET ? 4 : 16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private MacAddress nextMac() {
        long n = macCounter++;
        return MacAddress.of(new byte[] {0x02, 0x00, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8),
            (byte) n});
    }
}
