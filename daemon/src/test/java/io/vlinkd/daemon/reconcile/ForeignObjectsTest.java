package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.ip;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.address.ObservedAddress;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.resource.route.ObservedRoute;
import io.vlinkd.daemon.resource.route.OwnedRoute;
import io.vlinkd.daemon.resource.route.RouteType;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.route.Rtnl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which objects on configured interfaces are foreign: neither named by the config nor created by vlinkd. */
class ForeignObjectsTest {
    private static final int BR0 = 10;
    private static final int OTHER0 = 11;

    private static final DesiredState DESIRED = config()
            .link(bridge("br0"), "192.0.2.1/24")
            .link(veth("v0", "v0p").withMaster("br0"))
            .absent("old0")
            .route("198.51.100.0/24", "192.0.2.254", "br0")
            .reportForeign()
            .build();

    private static ObservedLink link(int index, String name, String kind, int master, int parent) {
        return new ObservedLink(index, name, kind, null, null, 1500, null, true, master, parent, null, 1000, 6, -1);
    }

    private static ObservedAddress address(int index, String a, int len) {
        return new ObservedAddress(index, ip(a), len, null, 0);
    }

    private static ObservedRoute route(String dst, int len, String via, int oif, int protocol, int table) {
        return new ObservedRoute(Rtnl.AF_INET, ip(dst), len, table, protocol, 0, Rtnl.RTN_UNICAST,
                via == null ? null : ip(via), oif, 0, null, false, 0);
    }

    private static List<ForeignObject> find(List<ObservedLink> links, List<ObservedAddress> addresses,
                                            List<ObservedRoute> routes, Ownership owned) {
        return ForeignObjects.find(DESIRED, new ObservedState(links, addresses, routes), owned,
                Planner.VLINKD_PROTOCOL);
    }

    private static final List<ObservedLink> CONFIGURED = List.of(link(BR0, "br0", "bridge", 0, 0),
            link(20, "v0", "veth", BR0, 21), link(21, "v0p", "veth", 0, 20), link(OTHER0, "other0", "bridge", 0, 0));

    @Test
    void aPortSomeoneEnslavedToAConfiguredBridgeIsForeign() {
        List<ObservedLink> links = new java.util.ArrayList<>(CONFIGURED);
        links.add(link(30, "dummy0", "dummy", BR0, 0));
        assertThat(find(links, List.of(), List.of(), Ownership.none())).containsExactly(
                new ForeignObject("link", "br0", "dummy0", "dummy, port of br0"));
    }

    @Test
    void aLinkStackedOnAConfiguredOneIsForeign() {
        List<ObservedLink> links = new java.util.ArrayList<>(CONFIGURED);
        links.add(link(31, "br0.7", "vlan", 0, BR0));
        assertThat(find(links, List.of(), List.of(), Ownership.none())).containsExactly(
                new ForeignObject("link", "br0", "br0.7", "vlan, on br0"));
    }

    @Test
    void configuredCompanionOwnedAbsentAndUnattachedLinksAreNotForeign() {
        List<ObservedLink> links = new java.util.ArrayList<>(CONFIGURED);
        links.add(link(32, "left0", "bridge", BR0, 0));     // vlinkd made it (left the config, still owned)
        links.add(link(33, "old0", "bridge", BR0, 0));      // the config names it (state: absent)
        links.add(link(34, "docker0", "bridge", 0, 0));     // on nothing configured
        links.add(link(35, "p0", "veth", OTHER0, 0));       // on an interface the config does not name
        Ownership owned = Ownership.of(List.of(new OwnedLink("left0", 32, "bridge")));
        assertThat(find(links, List.of(), List.of(), owned)).isEmpty();
    }

    @Test
    void aNamesakeOfAnOwnedLinkWithAnotherIndexIsForeign() {
        List<ObservedLink> links = new java.util.ArrayList<>(CONFIGURED);
        links.add(link(40, "left0", "bridge", BR0, 0));
        Ownership owned = Ownership.of(List.of(new OwnedLink("left0", 32, "bridge")));
        assertThat(find(links, List.of(), List.of(), owned)).extracting(ForeignObject::object)
                .containsExactly("left0");
    }

    @Test
    void anAddressTheConfigDoesNotListOnAConfiguredInterfaceIsForeign() {
        List<ObservedAddress> addresses = List.of(address(BR0, "192.0.2.1", 24), address(BR0, "192.0.2.99", 24),
                address(BR0, "fe80::1", 64), address(OTHER0, "203.0.113.1", 24));
        assertThat(find(CONFIGURED, addresses, List.of(), Ownership.none())).containsExactly(
                new ForeignObject("address", "br0", "192.0.2.99/24", ""));
    }

    @Test
    void aRouteThroughAConfiguredInterfaceWithoutVlinkdsProtocolIsForeign() {
        List<ObservedRoute> routes = List.of(
                route("203.0.113.0", 24, "192.0.2.254", BR0, Rtnl.RTPROT_BOOT, Rtnl.RT_TABLE_MAIN),
                route("0.0.0.0", 0, "192.0.2.254", BR0, 16, Rtnl.RT_TABLE_MAIN),
                route("198.51.100.0", 24, "192.0.2.254", BR0, Rtnl.RTPROT_BOOT, Rtnl.RT_TABLE_MAIN), // named
                route("192.0.2.0", 24, null, BR0, Rtnl.RTPROT_KERNEL, Rtnl.RT_TABLE_MAIN),             // kernel's
                route("192.0.2.1", 32, null, BR0, Rtnl.RTPROT_KERNEL, Rtnl.RT_TABLE_LOCAL),
                route("10.9.0.0", 16, "192.0.2.254", BR0, Planner.VLINKD_PROTOCOL, Rtnl.RT_TABLE_MAIN), // ours
                route("10.8.0.0", 16, null, OTHER0, Rtnl.RTPROT_BOOT, Rtnl.RT_TABLE_MAIN),            // elsewhere
                route("10.7.0.0", 16, "192.0.2.254", BR0, Planner.VLINKD_PROTOCOL, Rtnl.RT_TABLE_MAIN)); // number only
        Ownership owned = Ownership.none().withLines(RouteType.TYPE, List.of(
                new OwnedRoute(ip("10.9.0.0"), 16, Rtnl.RT_TABLE_MAIN, 0)));
        assertThat(find(CONFIGURED, List.of(), routes, owned)).containsExactly(
                new ForeignObject("route", "br0", "10.7.0.0/16", "via 192.0.2.254 table main metric 0 proto 247"),
                new ForeignObject("route", "br0", "203.0.113.0/24",
                        "via 192.0.2.254 table main metric 0 proto boot"),
                new ForeignObject("route", "br0", "default", "via 192.0.2.254 table main metric 0 proto dhcp"));
    }

    @Test
    void theLogLineSaysWhereWhatAndWhich() {
        assertThat(new ForeignObject("link", "br0", "dummy0", "dummy, port of br0"))
                .hasToString("br0: foreign link dummy0 (dummy, port of br0)");
        assertThat(new ForeignObject("address", "br0", "192.0.2.99/24", ""))
                .hasToString("br0: foreign address 192.0.2.99/24");
    }
}
