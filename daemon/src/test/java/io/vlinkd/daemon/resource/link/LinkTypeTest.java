package io.vlinkd.daemon.resource.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.resource.ManagedType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.netlink.route.Rtnl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links as a registered type: planned first (the later types learn from their plan which links are created, deleted
 * and re-created), then every resource type in its order. What the link plan does: PlanRendererTest and the
 * reconciler's tests (ReconcilerTest, MixedChangeTest...).
 */
class LinkTypeTest {

    @Test
    void linksArePlannedFirstThenEveryResourceType() {
        List<ManagedType> expected = new ArrayList<>();
        expected.add(LinkType.TYPE);
        expected.addAll(ResourceTypes.ALL);
        assertThat(ResourceTypes.MANAGED).containsExactlyElementsOf(expected);
    }

    @Test
    void theNotificationsOfEveryTypeAreSubscribed() {
        assertThat(NetlinkKernelPort.eventGroups()).contains(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_IPV4_IFADDR,
                Rtnl.RTNLGRP_IPV6_ROUTE);
    }
}
