package io.vlinkd.daemon.resource.link;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ManagedType;
import io.vlinkd.daemon.resource.TypePlan;
import io.vlinkd.daemon.resource.TypePlanner;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.route.Rtnl;
import java.util.List;

/**
 * Links as a managed type, the first of {@link io.vlinkd.daemon.resource.ResourceTypes#MANAGED}: each pass is a
 * {@link LinkPlan}, which decides which links are created, deleted and re-created, and has the plans of the later
 * types restore what the kernel deletes with a link. Links do not fit the generic object diff of a
 * {@link io.vlinkd.daemon.resource.ResourceType} (kinds, companions, stacking, ports, adoption), so they have a
 * planner of their own.
 *
 * <p>This package holds the link type's parts: its plan, what it reads from a kind's option table
 * ({@link KindTraits}), {@code adopt: true} ({@link Adoption}), a link as observed ({@link ObservedLink}) and as the
 * ownership ledger records it ({@link OwnedLink}, and {@link LinkIntent} written ahead of a create). The
 * observation keeps the links beside the other types' objects ({@link io.vlinkd.daemon.reconcile.ObservedState}),
 * and the ledger files their lines first ({@link io.vlinkd.daemon.state.OwnershipStore}).
 */
public final class LinkType implements ManagedType {

    public static final LinkType TYPE = new LinkType();

    private LinkType() {
    }

    /** Link notifications: RTM_NEWLINK and RTM_DELLINK. */
    @Override
    public List<Integer> eventGroups() {
        return List.of(Rtnl.RTNLGRP_LINK);
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
