package io.vlinkd.daemon.resource.link;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ManagedType;
import io.vlinkd.daemon.resource.TypePlan;
import io.vlinkd.daemon.resource.TypePlanner;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.route.Rtnl;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links as a managed type, the first of {@link io.vlinkd.daemon.resource.ResourceTypes#MANAGED}: each pass is a
 * {@link LinkPlan}, which decides which links are created, deleted and re-created, and has the plans of the later
 * types restore what the kernel deletes with a link. Links do not fit the generic object diff of a
 * {@link io.vlinkd.daemon.resource.ResourceType} (kinds, companions, stacking, ports, adoption), so they have a
 * planner of their own.
 *
 * <p>This package holds the link type's parts: its plan, what it reads from a kind's option table
 * ({@link KindTraits}), {@code adopt: true} ({@link Adoption}), a link as observed ({@link ObservedLink}) and as the
 * ownership ledger records it ({@link OwnedLink}, and {@link LinkIntent} written ahead of a create), which links
 * are vlinkd's after an apply or a revert ({@link LinkOwnership}); the type
 * itself finds someone else's links on configured interfaces for the foreign report ({@link #findForeign}). The
 * observation keeps the links beside the other types' objects ({@link io.vlinkd.daemon.reconcile.ObservedState}),
 * and the ledger files their lines first ({@link io.vlinkd.daemon.state.OwnershipStore}).
 */
public enum LinkType implements ManagedType {
    TYPE;

    @Override
    public String noun() {
        return "link";
    }

    /**
     * The links attached to a configured interface (ports of a configured master, links stacked on a configured
     * link) that the config does not name (nor their companions: a veth's peer) and vlinkd does not own.
     */
    @Override
    public void findForeign(DesiredState desired, ObservedState state, Ownership owned, int protocol,
                            Map<Integer, DesiredLink> configured, List<ForeignObject> out) {
        Set<String> named = new HashSet<>();
        for (DesiredLink d : desired.links()) {
            named.add(d.name());
            named.addAll(KindTraits.companions(d.link().kind(), d.link().spec()));
        }
        desired.absent().stream().map(AbsentLink::name).forEach(named::add);
        for (ObservedLink l : state.links()) {
            if (named.contains(l.name()) || owned.owns(l.name(), l.index())) {
                continue;
            }
            if (configured.containsKey(l.master())) {
                String on = configured.get(l.master()).name();
                out.add(new ForeignObject(noun(), on, l.name(), kindOf(l) + ", port of " + on));
            } else if (l.linkNetnsId() < 0 && l.parent() != l.index() && configured.containsKey(l.parent())) {
                String on = configured.get(l.parent()).name();
                out.add(new ForeignObject(noun(), on, l.name(), kindOf(l) + ", on " + on));
            }
        }
    }

    private static String kindOf(ObservedLink l) {
        return l.kindName() == null ? "device" : l.kindName();
    }

    /** Link notifications: RTM_NEWLINK and RTM_DELLINK. */
    @Override
    public List<Integer> eventGroups() {
        // IPv4 settings (ipv4:) change without a link notification; the announced ones come as RTM_NEWNETCONF.
        return List.of(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_IPV4_NETCONF);
    }

    /** A planner that carries each pass's kind comparisons to the next ({@link LinkPlan.Memo}). */
    @Override
    public TypePlanner planner() {
        return new Remembering();
    }

    private static final class Remembering implements TypePlanner {
        private LinkPlan.Memo memo = new LinkPlan.Memo();

        @Override
        public TypePlan pass(DesiredState desired, ObservedState observed, Ownership owned, List<TypePlan> later) {
            LinkPlan plan = new LinkPlan(desired, observed, owned, memo, later);
            // Filled as the pass plans; the next pass starts from it.
            memo = plan.memo();
            return plan;
        }
    }
}
