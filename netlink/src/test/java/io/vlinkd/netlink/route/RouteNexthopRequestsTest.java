package io.vlinkd.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Routes through a nexthop object ({@code nhid}) and over several paths ({@code nexthop via ... weight ...}) against
 * the bytes iproute2 6.1's {@code ip route add} sends (golden/route/, captured with scripts/capture-golden on this
 * host's 6.18, which took every one), their commands, and each request read back: the id, and the paths with their
 * gateways, devices, weights (rtnh_hops + 1) and onlink.
 */
class RouteNexthopRequestsTest {

    private static InetAddress ip(String a) throws Exception {
        return InetAddress.getByName(a);
    }

    private static RouteSpec route(String to, int length, Optional<Long> metric, Optional<Long> table,
                                   Optional<Long> nhid, List<RouteSpec.Hop> hops) throws Exception {
        return new RouteSpec(ip(to), length, Optional.empty(), Optional.empty(), metric, table, Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), nhid, hops);
    }

    private static RouteSpec.Hop hop(String via, String dev, int weight, boolean onlink) throws Exception {
        return new RouteSpec.Hop(Optional.of(ip(via)), Optional.of(dev), weight, onlink);
    }

    /** The request is the capture's bytes and command, and reads back as {@code r}'s id and paths. */
    private static void assertMatches(String resource, RouteSpec r) throws Exception {
        GoldenFixture f = GoldenFixture.load(resource);
        List<Integer> oifs = r.multipath().stream().map(h -> f.ifindex().get(h.dev().orElseThrow())).toList();
        GoldenAssert.assertSameBytes(f, RouteRequests.add(r, 0, oifs, 247));
        // iproute2 takes the words in any order; the fixture's command has proto before the paths.
        assertThat(RouteRequests.ipCommand("add", r, 247).replace(" proto 247", ""))
                .isEqualTo(f.command().replace(" proto 247", "").replace("ip -6 route", "ip route"));
        RouteMessage read = RouteMessage.decode(f.message());
        assertThat(read.nexthopId()).isEqualTo(r.nexthopId());
        List<RouteMessage.Hop> hops = read.multipath();
        assertThat(hops).hasSize(r.multipath().size());
        for (int i = 0; i < hops.size(); i++) {
            RouteSpec.Hop want = r.multipath().get(i);
            assertThat(hops.get(i)).isEqualTo(new RouteMessage.Hop(want.via().orElseThrow(), oifs.get(i),
                    want.weight(), want.onlink() ? Rtnl.RTNH_F_ONLINK : 0));
        }
    }

    @Test
    void aRouteThroughANexthopObjectSendsRtaNhIdAndNoDevice() throws Exception {
        RouteSpec v4 = route("198.51.100.0", 24, Optional.empty(), Optional.empty(), Optional.of(10L), List.of());
        assertMatches("route/nhid.txt", v4);
        assertThat(RouteRequests.scope(v4)).as("iproute2's scope for it: universe").isEqualTo(0);
        assertMatches("route/nhid6.txt",
                route("2001:db8:9::", 64, Optional.empty(), Optional.empty(), Optional.of(5L), List.of()));
    }

    @Test
    void multipathRoutesSendEachPathWithWeightMinusOneAndOnlinkInItsFlags() throws Exception {
        assertMatches("route/multipath.txt", route("198.51.100.0", 24, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(hop("192.0.2.1", "d0", 1, false), hop("203.0.113.1", "e0", 3, false))));
        assertMatches("route/multipath-onlink.txt", route("198.51.100.0", 24, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(hop("192.0.2.1", "d0", 1, false), hop("198.18.0.1", "e0", 256, true))));
        assertMatches("route/multipath6.txt", route("2001:db8:9::", 64, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(hop("2001:db8::1", "d0", 1, false), hop("2001:db8:2::1", "e0", 2, false))));
        assertMatches("route/multipath-table.txt", route("0.0.0.0", 0, Optional.of(10L), Optional.of(100L),
                Optional.empty(), List.of(hop("192.0.2.1", "d0", 2, false), hop("203.0.113.1", "e0", 2, false))));
    }
}
