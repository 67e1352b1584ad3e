package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.state.Ownership;

/**
 * A type whose objects carry their maker's protocol number (a route's rtm_protocol, a rule's FRA_PROTOCOL) and are
 * not kept per interface: an object is vlinkd's when it carries vlinkd's number ({@code settings.route-protocol})
 * <em>and</em> the ledger records it, since someone else may use the number too; a listed object with the number
 * that is exactly as configured is claimed when the ledger is lost; vlinkd deletes only its own.
 */
public interface ProtocolMarkedType<K, D, O, L> extends ResourceType<K, D, O, L> {

    /** The protocol number {@code observed} was made with. */
    int protocolOf(O observed);

    @Override
    default boolean marked(O observed, int protocol) {
        return protocolOf(observed) == protocol;
    }

    /** Kept per destination, not per interface: a change elsewhere is drift only when it carries the mark. */
    @Override
    default boolean managedOnItsLink() {
        return false;
    }

    @Override
    default boolean ours(O observed, boolean recorded, int protocol) {
        return recorded && marked(observed, protocol);
    }

    @Override
    default boolean claims(O observed, D listed, ObservedState state, Ownership owned, int protocol) {
        return listed != null && marked(observed, protocol) && matches(listed, observed, state);
    }

    @Override
    default boolean deletesUnlisted(O have, boolean ours, DesiredState desired, ObservedState observed) {
        return ours;
    }
}
