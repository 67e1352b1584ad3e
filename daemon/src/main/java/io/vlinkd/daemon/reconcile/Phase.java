package io.vlinkd.daemon.reconcile;

/**
 * The order of steps on one interface: removals first (policy rules, MDB, FDB and neighbour entries, routes,
 * addresses, the link: children before parents is the dependency graph's job), then creation, changes, IPv4 settings,
 * generic-netlink configuration (a team's mode: before any port joins, see {@link Step.ConfigureLink}), down before
 * joining a master that takes only down ports, enslavement, the settings as a port ({@code bridge-port:}), up/down,
 * addresses, nexthops and their groups, routes (a gateway must be reachable through an address, a route needs its
 * device up and its nexthop object), policy rules, neighbour entries (the kernel flushes them when their device goes
 * down), bridge VLANs and their tunnel mappings, and FDB and MDB entries last (a port's needs its bridge, and one in a
 * VLAN needs the port's VLAN: EINVAL otherwise).
 *
 * <p>The phases before {@link #DELETE_ADDRESS} and after {@link #ADD_ADDRESS} are those of the resource types
 * (routes, nexthops, rules, neighbour entries, bridge VLANs and tunnel mappings, FDB and MDB entries):
 * {@link DependencyGraph} puts their deletions before everything else and their additions after everything else,
 * across interfaces. A new type's phases go there: its deletion first, its addition last.
 */
public enum Phase {
    DELETE_RULE, DELETE_MDB, DELETE_FDB, DELETE_VLAN_TUNNEL, DELETE_VLAN, DELETE_NEIGHBOUR, DELETE_ROUTE,
    DELETE_NEXTHOP_GROUP, DELETE_NEXTHOP, DELETE_ADDRESS, DELETE_LINK, CREATE_LINK, CHANGE_LINK, SET_IPV4,
    CONFIGURE_LINK, SET_DOWN_TO_ENSLAVE, SET_MASTER, SET_PORT, SET_STATE, ADD_ADDRESS, ADD_NEXTHOP, ADD_NEXTHOP_GROUP,
    ADD_ROUTE, ADD_RULE, ADD_NEIGHBOUR, ADD_VLAN, ADD_VLAN_TUNNEL, ADD_FDB, ADD_MDB;

    /**
     * Whether this phase's steps are ordered against those of the other such phases on every interface, not only on
     * their own: a group's members are added before it and deleted after it, and the nexthops a route uses
     * ({@code nexthop-id}) are added before it and deleted after it (the kernel refuses a group or route naming a
     * nexthop it does not have, and deletes a group member from its groups and a route with its nexthop). These
     * steps are on different interfaces (a member on its device, a group and a route of a nexthop on none).
     */
    boolean ordersAcrossInterfaces() {
        return this == DELETE_ROUTE || this == DELETE_NEXTHOP_GROUP || this == DELETE_NEXTHOP || this == ADD_NEXTHOP
                || this == ADD_NEXTHOP_GROUP || this == ADD_ROUTE;
    }

    /** A resource type's deletion: before every other step of a plan. */
    boolean removesObjectFirst() {
        return compareTo(DELETE_ADDRESS) < 0;
    }

    /** A resource type's addition: after every other step of a plan. */
    boolean addsObjectLast() {
        return compareTo(ADD_ADDRESS) > 0;
    }
}
