package io.vlinkd.it.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NetlinkSocketSmokeTest {

    @Test
    void createsABridgeInANamedNamespaceAndDumpsIt() throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named(ns.name()))) {
            s.execute(RawLinks.bridge("br0"));
            assertThat(ns.link("br0")).isNotNull();
            List<String> names = new ArrayList<>();
            for (NlMessage m : s.dump(LinkRequests.dump())) {
                names.add(LinkMessage.decode(m).name());
            }
            assertThat(names).containsExactlyInAnyOrder("lo", "br0");
        }
    }
}
