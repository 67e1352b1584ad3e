package io.vlinkd.daemon.resource;

import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.fdb.FdbType;
import io.vlinkd.daemon.resource.neighbour.NeighbourType;
import io.vlinkd.daemon.resource.route.RouteType;
import java.util.List;
import java.util.stream.Stream;

/** The resource types vlinkd manages beside links, in the order their steps are planned. */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    public static final List<ResourceType<?, ?, ?, ?>> ALL = List.of(AddressType.TYPE, RouteType.TYPE,
            NeighbourType.TYPE, FdbType.TYPE);

    /**
     * The same types in the order the ownership ledger writes their lines and its header names them: routes before
     * addresses, as the file has had them since addresses were first recorded (a rewrite keeps the file's order),
     * then every other type in the order of {@link #ALL}.
     */
    public static final List<ResourceType<?, ?, ?, ?>> IN_LEDGER = Stream.concat(Stream.of(RouteType.TYPE),
            ALL.stream().filter(t -> t != RouteType.TYPE)).toList();
}
