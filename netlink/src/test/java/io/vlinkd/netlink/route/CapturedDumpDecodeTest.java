package io.vlinkd.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.Captured;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decoders over dumps captured from kernel 6.18 by {@code scripts/capture-replies}, whose setup (see the script)
 * gives the expected values: br0 with stp, v0 (02:00:00:00:00:01) enslaved to br0, v1 with an alias,
 * vxlans 42 and 43, addresses 192.0.2.1/24, 198.51.100.1 peer .2, 2001:db8::1/64, and three routes.
 */
class CapturedDumpDecodeTest {

    private static Map<String, LinkMessage> links() throws Exception {
        Map<String, LinkMessage> out = new LinkedHashMap<>();
        for (Captured c : Captured.load("link-dump.txt")) {
            LinkMessage l = LinkMessage.decode(c.message());
            out.put(l.name(), l);
        }
        return out;
    }

    @Test
    void linkDumpDecodesTheCommonAttributes() throws Exception {
        Map<String, LinkMessage> links = links();
        assertThat(links).containsKeys("lo", "br0", "v0", "v1", "vx0", "vx6");
        LinkMessage br0 = links.get("br0");
        assertThat(br0.kind()).isEqualTo("bridge");
        // Created with mtu 1400, but enslaving v0 (1500) moved it to 1500: an IFLA_MTU given at create time is set
        // directly (rtnl_create_link), not through br_change_mtu, so the bridge's mtu still follows its ports.
        assertThat(br0.mtu()).isEqualTo(1500);
        assertThat(br0.isUp()).isTrue();
        assertThat(br0.infoData().integer(io.vlinkd.netlink.wire.Attr.of("IFLA_BR_STP_STATE", 5,
                io.vlinkd.netlink.wire.AttrType.U32), -1)).isEqualTo(1);
        LinkMessage v0 = links.get("v0");
        assertThat(v0.kind()).isEqualTo("veth");
        assertThat(v0.address()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(v0.master()).isEqualTo(br0.index());
        assertThat(v0.slaveKind()).isEqualTo("bridge");
        assertThat(v0.link()).isEqualTo(links.get("v1").index()); // a veth's IFLA_LINK is its peer
        assertThat(links.get("v1").alias()).isEqualTo("the other end");
        assertThat(links.get("vx0").kind()).isEqualTo("vxlan");
        assertThat(links.get("lo").kind()).isNull();
        assertThat(links.get("lo").stats()).isNotNull();
        assertThat(links.get("lo").txqlen()).isNotNull();
        assertThat(br0.operstateName()).isIn("UP", "DOWN", "UNKNOWN");
    }

    @Test
    void addressDumpDecodesOwnAndPeerAddresses() throws Exception {
        Map<String, LinkMessage> links = links();
        Map<InetAddress, AddressMessage> byOwn = new LinkedHashMap<>();
        for (Captured c : Captured.load("addr-dump.txt")) {
            AddressMessage a = AddressMessage.decode(c.message());
            byOwn.put(a.own(), a);
        }
        AddressMessage v4 = byOwn.get(InetAddress.getByName("192.0.2.1"));
        assertThat(v4.prefixLength()).isEqualTo(24);
        assertThat(v4.index()).isEqualTo(links.get("br0").index());
        assertThat(v4.label()).isEqualTo("br0");
        AddressMessage p2p = byOwn.get(InetAddress.getByName("198.51.100.1"));
        assertThat(p2p.peer()).isEqualTo(InetAddress.getByName("198.51.100.2"));
        AddressMessage v6 = byOwn.get(InetAddress.getByName("2001:db8::1"));
        assertThat(v6.prefixLength()).isEqualTo(64);
        assertThat(v6.flags() & Rtnl.IFA_F_NODAD).isNotZero();
        assertThat(v6.flags() & Rtnl.IFA_F_PERMANENT).isNotZero();
    }

    @Test
    void routeDumpDecodesGatewaysMetricsTablesAndTypes() throws Exception {
        List<RouteMessage> routes = new java.util.ArrayList<>();
        for (Captured c : Captured.load("route-dump.txt")) {
            NlMessage m = c.message();
            routes.add(RouteMessage.decode(m));
        }
        RouteMessage via = find(routes, "203.0.113.0");
        assertThat(via.header().dstLength()).isEqualTo(24);
        assertThat(via.gateway()).isEqualTo(InetAddress.getByName("192.0.2.254"));
        assertThat(via.priority()).isEqualTo(50L);
        assertThat(via.table()).isEqualTo(Rtnl.RT_TABLE_MAIN);
        RouteMessage v6 = find(routes, "2001:db8:1::");
        assertThat(v6.mtu()).isEqualTo(1300);
        assertThat(v6.header().dstLength()).isEqualTo(48);
        RouteMessage blackhole = find(routes, "10.9.0.0");
        assertThat(blackhole.table()).isEqualTo(1000); // above 255: only RTA_TABLE can say it
        assertThat(blackhole.header().type()).isEqualTo(Rtnl.RTN_BLACKHOLE);
    }

    private static RouteMessage find(List<RouteMessage> routes, String dst) throws Exception {
        InetAddress want = InetAddress.getByName(dst);
        return routes.stream().filter(r -> want.equals(r.dst())).findFirst()
                .orElseThrow(() -> new AssertionError("no route to " + dst + " in the capture"));
    }
}
