package io.vlinkd.daemon.reconcile;

/**
 * The order of steps on one interface: removals first (routes, then addresses, then the link: children before
 * parents is the dependency graph's job), then creation, changes, generic-netlink configuration (a team's mode: before
 * any port joins, see {@link Step.ConfigureLink}), enslavement, up/down, addresses, and routes last
 * (a gateway must be reachable through an address, and a route needs its device up).
 */
public enum Phase {
    DELETE_ROUTE, DELETE_ADDRESS, DELETE_LINK, CREATE_LINK, CHANGE_LINK, CONFIGURE_LINK, SET_MASTER, SET_STATE, ADD_ADDRESS,
    ADD_ROUTE
}
