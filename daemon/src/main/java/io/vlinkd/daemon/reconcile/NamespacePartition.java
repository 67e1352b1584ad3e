package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.netlink.kind.PairKind;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The desired state split by network namespace: the reconciler's own namespace first (its links, every
 * {@code state: absent} entry and every route: the config refuses routes on interfaces elsewhere), then each named
 * namespace ({@code /run/netns/NAME}) the config or the ownership ledger names, with the links whose {@code netns:}
 * names it. A namespace that creates a veth or vxcan pair whose peer goes to another comes before that other one,
 * whose entry for the peer can only be planned once the peer exists.
 *
 * <p>Each part's links have no {@code netns:} any more: a part is planned and applied by a port whose socket is
 * inside its namespace, so its links are created there directly (no IFLA_NET_NS_FD), observed, verified and
 * deleted there. Only a pair's {@code peer-netns} still travels as IFLA_NET_NS_FD in the peer's nest.
 *
 * @param parts the own namespace's part (netns null) first, then the named ones in dependency order
 */
public record NamespacePartition(List<Part> parts) {

    /** One namespace's share: {@code netns} null for the reconciler's own namespace. */
    public record Part(String netns, DesiredState desired) {
    }

    public NamespacePartition {
        parts = List.copyOf(parts);
    }

    /** True when only the own namespace is involved (the plain single-namespace reconcile). */
    public boolean ownOnly() {
        return parts.size() == 1;
    }

    /**
     * @param ledger namespaces the ownership ledger records links in (their owned links may have to be deleted)
     * @param ownName the name of the reconciler's own namespace when it is a named one ({@code apply --once
     *                --netns NAME}): entries naming it belong to the own part
     */
    public static NamespacePartition of(DesiredState desired, Collection<String> ledger, String ownName) {
        List<DesiredLink> own = new ArrayList<>();
        Map<String, List<DesiredLink>> named = new TreeMap<>();
        ledger.stream().filter(n -> !n.equals(ownName)).forEach(n -> named.put(n, new ArrayList<>()));
        Map<String, Set<String>> before = new TreeMap<>();
        for (DesiredLink d : desired.links()) {
            String ns = d.link().netns().filter(n -> !n.equals(ownName)).orElse(null);
            Optional<String> peerNs = peerNetns(d.link()).filter(p -> !p.equals(ownName));
            LinkSpec spec = d.link();
            if (peerNetns(spec).isPresent() && Objects.equals(peerNs.orElse(null), ns)) {
                // The peer stays in the link's own namespace: a companion created and deleted with it there.
                spec = withoutPeerNetns(spec);
            }
            if (spec.netns().isPresent()) {
                spec = withoutNetns(spec);
            }
            DesiredLink here = spec == d.link() ? d : d.withLink(spec);
            if (ns == null) {
                own.add(here);
            } else {
                named.computeIfAbsent(ns, k -> new ArrayList<>()).add(here);
            }
            // A peer namespace without entries of its own gets no part: the peer travels as IFLA_NET_NS_FD in the
            // pair's request, which needs no socket inside that namespace (and so no setns, no CAP_SYS_ADMIN).
            peerNs.filter(p -> !p.equals(ns) && ns != null)
                    .ifPresent(p -> before.computeIfAbsent(p, k -> new TreeSet<>()).add(ns));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(null, new DesiredState(own, desired.absent(), desired.routes(), desired.settings(),
                desired.files(), desired.rules(), desired.nexthops())));
        for (String ns : order(named.keySet(), before)) {
            parts.add(new Part(ns, new DesiredState(named.get(ns), List.of(), List.of(), desired.settings(),
                    desired.files())));
        }
        return new NamespacePartition(parts);
    }

    /** The part of {@code netns} (null: the own namespace). */
    public Optional<Part> part(String netns) {
        return parts.stream().filter(p -> Objects.equals(p.netns(), netns)).findFirst();
    }

    /**
     * Named namespaces in an order where each comes after those that create its peers; by name otherwise. Pairs
     * whose peers go both ways between two namespaces cannot be ordered: those keep name order, and the entry of
     * a peer not created yet is planned on the next reconcile.
     */
    private static List<String> order(Set<String> names, Map<String, Set<String>> before) {
        List<String> out = new ArrayList<>();
        Set<String> left = new TreeSet<>(names);
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(n -> before.getOrDefault(n, Set.of()).stream().noneMatch(left::contains))
                    .findFirst().orElse(left.iterator().next());
            out.add(next);
            left.remove(next);
        }
        return out;
    }

    private static Optional<String> peerNetns(LinkSpec s) {
        return s.spec() instanceof PairKind.Peer p ? p.peerNetns() : Optional.empty();
    }

    private static LinkSpec withoutPeerNetns(LinkSpec s) {
        List<String> keys = new ArrayList<>(KindTraits.options(s.kind(), s.spec()).asMap().keySet());
        keys.remove(KindTraits.PEER_NETNS);
        return new LinkSpec(s.name(), s.kind(), KindTraits.restrict(s.kind(), s.spec(), keys), s.mtu(), s.mac(),
                s.state(), s.master(), s.link(), s.alias(), s.txqueuelen(), s.netns());
    }

    private static LinkSpec withoutNetns(LinkSpec s) {
        return new LinkSpec(s.name(), s.kind(), s.spec(), s.mtu(), s.mac(), s.state(), s.master(), s.link(),
                s.alias(), s.txqueuelen(), Optional.empty());
    }

}
