package io.vlinkd.daemon.resource;

import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.route.RouteType;
import java.util.List;

/** The resource types vlinkd manages beside links, in the order their steps are planned. */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    public static final List<ResourceType<?, ?, ?, ?>> ALL = List.of(AddressType.TYPE, RouteType.TYPE);
}
