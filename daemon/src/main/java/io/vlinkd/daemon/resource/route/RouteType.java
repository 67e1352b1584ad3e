package io.vlinkd.daemon.resource.route;

import io.vlinkd.config.DesiredRoute;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ProtocolMarkedType;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.RouteMessage;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Routes ({@code routes:} in the config): keyed by family, destination, table and metric ({@link RouteKey}),
 * marked as vlinkd's by their protocol number ({@code settings.route-protocol}, RTPROT 247 unless set; {@code ip
 * route show proto 247}) and recorded in the ledger as {@code route DST/LEN TABLE METRIC}. A route of vlinkd's whose
 * other attributes changed is replaced in place (NLM_F_REPLACE); a route the kernel drops with its device (deleted
 * or re-created by the plan) is restored by that device's inverse.
 */
public final class RouteType implements ProtocolMarkedType<RouteKey, DesiredRoute, ObservedRoute, OwnedRoute> {

    public static final RouteType TYPE = new RouteType();

    private static final Map<Integer, String> SCOPE_WORDS = Map.of(Rtnl.RT_SCOPE_UNIVERSE, "global",
            Rtnl.RT_SCOPE_SITE, "site", Rtnl.RT_SCOPE_LINK, "link", Rtnl.RT_SCOPE_HOST, "host",
            Rtnl.RT_SCOPE_NOWHERE, "nowhere");
    private static final Map<Integer, String> PREF_WORDS = Map.of(3, "low", 0, "medium", 1, "high");
    private static final Map<Integer, String> TYPE_WORDS = Map.of(Rtnl.RTN_LOCAL, "local", Rtnl.RTN_BROADCAST,
            "broadcast", Rtnl.RTN_ANYCAST, "anycast", Rtnl.RTN_MULTICAST, "multicast", Rtnl.RTN_BLACKHOLE,
            "blackhole", Rtnl.RTN_UNREACHABLE, "unreachable", Rtnl.RTN_PROHIBIT, "prohibit", 9, "throw");

    private RouteType() {
    }

    @Override
    public String noun() {
        return "route";
    }

    @Override
    public List<Integer> eventGroups() {
        return List.of(Rtnl.RTNLGRP_IPV4_ROUTE, Rtnl.RTNLGRP_IPV6_ROUTE);
    }

    @Override
    public NlRequest dumpRequest() {
        return RouteRequests.dump();
    }

    /** IPv4 routes are flushed silently with their link's carrier, address or existence: dumped again. */
    @Override
    public boolean announcedExactly() {
        return false;
    }

    @Override
    public Object identity(ObservedRoute observed) {
        return new Identity(observed.key(), observed.oif());
    }

    private record Identity(RouteKey key, int oif) {
    }

    /** An IPv4 or IPv6 route of RTM_NEWROUTE or RTM_DELROUTE. */
    @Override
    public Optional<ObservedRoute> decode(NlMessage message) throws MalformedMessageException {
        if (message.type() != Rtnl.RTM_NEWROUTE && message.type() != Rtnl.RTM_DELROUTE) {
            return Optional.empty();
        }
        RouteMessage rm = RouteMessage.decode(message);
        int family = rm.header().family();
        if (family != Rtnl.AF_INET && family != Rtnl.AF_INET6) {
            return Optional.empty();
        }
        InetAddress dst = rm.dst() != null ? rm.dst() : any(family);
        return Optional.of(new ObservedRoute(family, dst, rm.header().dstLength(), rm.table(), rm.protocol(),
                rm.header().scope(), rm.header().type(), rm.gateway(), rm.oif() == null ? 0 : rm.oif(),
                rm.priority() == null ? 0 : rm.priority(), rm.prefsrc(),
                (rm.header().flags() & Rtnl.RTNH_F_ONLINK) != 0, rm.mtu() == null ? 0 : rm.mtu(), rm.pref(),
                // Of a path's flags only onlink is the operator's: the kernel adds linkdown and dead with the carrier.
                rm.nexthopId().orElse(0L), rm.multipath().stream().map(h -> new RouteMessage.Hop(h.gateway(), h.oif(),
                        h.weight(), h.flags() & Rtnl.RTNH_F_ONLINK)).toList()));
    }

    /** A default route has no RTA_DST: its destination is the family's any-address. */
    private static InetAddress any(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == Rtnl.AF_INET ? 4 : 16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<DesiredRoute> desired(DesiredState desired) {
        return desired.routes();
    }

    @Override
    public RouteKey key(DesiredRoute desired) {
        return RouteKey.of(desired.route());
    }

    @Override
    public SourceLocation where(DesiredRoute desired) {
        return desired.where();
    }

    @Override
    public Set<String> needs(DesiredRoute desired) {
        Set<String> devs = new java.util.LinkedHashSet<>();
        desired.route().dev().ifPresent(devs::add);
        desired.route().multipath().forEach(h -> h.dev().ifPresent(devs::add));
        return Set.copyOf(devs);
    }

    @Override
    public KernelObject object(DesiredRoute desired, int protocol) {
        return RouteObject.of(desired.route(), protocol);
    }

    @Override
    public RouteKey observedKey(ObservedRoute observed, ObservedState state) {
        return observed.key();
    }

    @Override
    public String snapshotLine(ObservedRoute r, ObservedState state) {
        return r.key() + " proto " + r.protocol() + " via " + (r.gateway() == null ? "none"
                : IpText.format(r.gateway())) + " dev " + state.nameOf(r.oif()) + " scope " + r.scope() + " type "
                + r.type();
    }

    @Override
    public int ifindex(ObservedRoute observed) {
        return observed.oif();
    }

    @Override
    public boolean kernels(ObservedRoute observed) {
        return observed.isKernels();
    }

    /** True when {@code have} is {@code want} in every key the config sets. */
    @Override
    public boolean matches(DesiredRoute want, ObservedRoute have, ObservedState observed) {
        RouteSpec w = want.route();
        if (w.nexthopId().orElse(0L) != have.nexthopId()) {
            return false;
        }
        if (have.nexthopId() != 0) {
            // Its gateway, device and paths are its nexthop's (the dump shows them): the nexthop type's to compare.
            // The kernel reports a route through a blackhole nexthop as a blackhole route: its type is compared
            // only when the config gives one.
            return (w.type().isEmpty() || RouteRequests.type(w) == have.type())
                    && (w.src().isEmpty() || w.src().get().equals(have.prefsrc()))
                    && (have.isIpv4() ? RouteRequests.scope(w) == have.scope() : true)
                    && (w.mtu().isEmpty() || w.mtu().get() == have.mtu());
        }
        if (!hops(w, observed).equals(have.multipath())) {
            return false;
        }
        if (!Objects.equals(w.via().orElse(null), have.gateway())) {
            return false;
        }
        if (w.dev().isPresent() && !w.dev().get().equals(observed.nameOf(have.oif()))) {
            return false;
        }
        if (w.src().isPresent() && !w.src().get().equals(have.prefsrc())) {
            return false;
        }
        if (w.mtu().isPresent() && w.mtu().get() != have.mtu()) {
            return false;
        }
        if (w.onlink() != have.onlink()) {
            return false;
        }
        // IPv6 routes have no scope (the kernel reports every one as global): compared for IPv4 only.
        if (have.isIpv4() && RouteRequests.scope(w) != have.scope()) {
            return false;
        }
        if (w.pref().isPresent() && RouteRequests.pref(w.pref().get()) != have.pref()) {
            return false;
        }
        return RouteRequests.type(w) == have.type();
    }

    /** The configured paths as the kernel reports them: gateway, device index, weight and flags (onlink). */
    private static List<RouteMessage.Hop> hops(RouteSpec w, ObservedState observed) {
        return w.multipath().stream().map(h -> new RouteMessage.Hop(h.via().orElse(null),
                h.dev().flatMap(d -> observed.link(d)).map(l -> l.index()).orElse(0), h.weight(),
                h.onlink() ? Rtnl.RTNH_F_ONLINK : 0)).toList();
    }

    @Override
    public KernelObject observedObject(ObservedRoute have, ObservedState observed) {
        return RouteObject.of(specOf(have, observed), have.protocol());
    }

    /** {@code r} in the config's terms, every attribute the kernel reported written out. */
    static RouteSpec specOf(ObservedRoute r, ObservedState observed) {
        InetAddress to = r.dst();
        // A route through a nexthop object names the object; its dumped gateway and paths are the object's.
        boolean own = r.nexthopId() == 0;
        List<RouteSpec.Hop> hops = own ? r.multipath().stream().map(h -> new RouteSpec.Hop(
                Optional.ofNullable(h.gateway()), Optional.ofNullable(observed.nameOf(h.oif())), h.weight(),
                (h.flags() & Rtnl.RTNH_F_ONLINK) != 0)).toList() : List.of();
        return new RouteSpec(to, r.prefixLength(), Optional.ofNullable(own ? r.gateway() : null),
                Optional.ofNullable(own ? observed.nameOf(r.oif()) : null),
                r.priority() > 0 || to instanceof Inet6Address ? Optional.of(r.priority()) : Optional.empty(),
                r.table() == Rtnl.RT_TABLE_MAIN ? Optional.empty() : Optional.of((long) r.table()),
                Optional.of(SCOPE_WORDS.getOrDefault(r.scope(), Integer.toString(r.scope()))),
                // A route through a blackhole nexthop is dumped as a blackhole, but written as a unicast route.
                r.type() == Rtnl.RTN_UNICAST || !own && r.type() == Rtnl.RTN_BLACKHOLE ? Optional.empty()
                        : Optional.of(TYPE_WORDS.getOrDefault(r.type(), Integer.toString(r.type()))),
                Optional.ofNullable(r.prefsrc()), r.onlink(),
                r.mtu() > 0 ? Optional.of(r.mtu()) : Optional.empty(),
                Optional.ofNullable(PREF_WORDS.get(r.pref())),
                own ? Optional.empty() : Optional.of(r.nexthopId()), hops);
    }

    @Override
    public String differentOne(RouteKey key, ObservedRoute have) {
        return "a different route to " + key + " exists (proto " + have.protocol() + ")";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedRoute have, String on, DesiredState desired) {
        for (DesiredRoute dr : desired.routes()) {
            if (dr.route().prefixLength() == have.prefixLength() && dr.route().to().equals(have.dst())) {
                return Optional.empty();
            }
        }
        String destination = have.prefixLength() == 0 ? (have.isIpv4() ? "default" : "-6 default")
                : IpText.format(have.dst()) + "/" + have.prefixLength();
        return Optional.of(new ForeignObject(noun(), on, destination, foreignDetail(have)));
    }

    /** In {@code ip route}'s words: {@code via 192.0.2.1 table main metric 100 proto boot}. */
    private static String foreignDetail(ObservedRoute r) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != Rtnl.RTN_UNICAST) {
            sb.append("type ").append(r.type()).append(' ');
        }
        if (r.gateway() != null) {
            sb.append("via ").append(IpText.format(r.gateway())).append(' ');
        }
        sb.append("table ").append(r.table() == Rtnl.RT_TABLE_MAIN ? "main" : Integer.toString(r.table()));
        sb.append(" metric ").append(r.priority());
        sb.append(" proto ").append(protocolName(r.protocol()));
        return sb.toString();
    }

    /** The names {@code ip route} prints ({@code /etc/iproute2/rt_protos}) for the protocols people meet. */
    private static String protocolName(int protocol) {
        return switch (protocol) {
            case Rtnl.RTPROT_BOOT -> "boot";
            case Rtnl.RTPROT_STATIC -> "static";
            case 16 -> "dhcp";
            default -> Integer.toString(protocol);
        };
    }

    @Override
    public int protocolOf(ObservedRoute observed) {
        return observed.protocol();
    }

    @Override
    public String on(String dev) {
        return "a route through " + dev;
    }

    @Override
    public OwnedRoute line(ObservedRoute observed, ObservedState state) {
        return observed.key().owned();
    }

    @Override
    public String ledgerWord() {
        return "route";
    }

    @Override
    public String ledgerFields() {
        return "DST/LEN TABLE METRIC";
    }

    @Override
    public void writeLine(OwnedRoute line, StringBuilder to) {
        to.append(LedgerFields.prefix(line.dst(), line.prefixLength())).append(' ').append(line.table()).append(' ')
                .append(line.metric());
    }

    @Override
    public OwnedRoute readLine(String[] f) throws LedgerFields.BadLine {
        LedgerFields.Prefix dst = LedgerFields.prefix(f[1]);
        long table = LedgerFields.u32(f[2]);
        long metric = LedgerFields.u32(f[3]);
        if (dst == null) {
            throw new LedgerFields.BadLine("DST/LEN is not an address with a prefix length");
        }
        if (table <= 0 || metric < 0) {
            throw new LedgerFields.BadLine(table <= 0 ? "TABLE is not a positive number" : "METRIC is not a number");
        }
        return new OwnedRoute(dst.address(), dst.length(), table, metric);
    }

    @Override
    public String claimedWithoutLedger() {
        return "routes with its protocol exactly as configured";
    }
}
