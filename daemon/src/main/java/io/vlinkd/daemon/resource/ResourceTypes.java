package io.vlinkd.daemon.resource;

import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.fdb.FdbType;
import io.vlinkd.daemon.resource.mdb.MdbType;
import io.vlinkd.daemon.resource.link.LinkType;
import io.vlinkd.daemon.resource.neighbour.NeighbourType;
import io.vlinkd.daemon.resource.nexthop.NexthopType;
import io.vlinkd.daemon.resource.neighbour.ProxyNeighbourType;
import io.vlinkd.daemon.resource.route.RouteType;
import io.vlinkd.daemon.resource.rule.RuleType;
import io.vlinkd.daemon.resource.vlan.BridgeVlanType;
import io.vlinkd.daemon.resource.vlan.VlanTunnelType;
import java.util.List;
import java.util.stream.Stream;

/** The types vlinkd manages: the registry every generic part of the daemon iterates. */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    /**
     * The {@link ResourceType}s, the objects on links, in the order their steps are planned (after the links'): what
     * the ownership claims, the observation and the drift watcher ask.
     */
    public static final List<ResourceType<?, ?, ?, ?>> ALL = List.of(AddressType.TYPE, RouteType.TYPE,
            NeighbourType.TYPE, ProxyNeighbourType.TYPE, FdbType.TYPE,
            MdbType.TYPE, BridgeVlanType.TYPE, RuleType.TYPE,
            VlanTunnelType.TYPE, NexthopType.TYPE);

    /**
     * Every type vlinkd manages, in the order the planner plans them: links first, since what their plan decides
     * (which links are created, deleted, re-created) is what the later types' plans learn; then the types of
     * {@link #ALL}. The kernel port subscribes to the notifications of each, and the foreign report asks each.
     */
    public static final List<ManagedType> MANAGED = Stream.<ManagedType>concat(Stream.of(LinkType.TYPE),
            ALL.stream()).toList();

    /**
     * The same types in the order the ownership ledger writes their lines and its header names them: routes before
     * addresses, as the file has had them since addresses were first recorded (a rewrite keeps the file's order),
     * then every other type in the order of {@link #ALL}.
     */
    public static final List<ResourceType<?, ?, ?, ?>> IN_LEDGER = Stream.concat(Stream.of(RouteType.TYPE),
            ALL.stream().filter(t -> t != RouteType.TYPE)).toList();
}
