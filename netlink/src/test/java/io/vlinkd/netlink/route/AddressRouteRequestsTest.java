package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.route.RequestHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressRouteRequestsTest {


    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void addressAddMatchesIproute2ForIpv4() throws Exception {
        // strace of `ip addr add 192.0.2.10/24 dev d0` (iproute2 6.1, d0 = ifindex 2), seq zeroed.
        NlRequest r = AddressRequests.add(2, "d0", AddressSpec.of(ip("192.0.2.10"), 24));
        assertThat(hex(r)).isEqualTo("28000000140005060000000000000000"
                + "0218000002000000" + "08000200c000020a" + "08000100c000020a");
    }

    @Test
    void addressAddMatchesIproute2ForIpv6() throws Exception {
        // strace of `ip -6 addr add 2001:db8::10/64 dev d0`.
        NlRequest r = AddressRequests.add(2, "d0", AddressSpec.of(ip("2001:db8::10"), 64));
        assertThat(hex(r)).isEqualTo("40000000140005060000000000000000" + "0a40000002000000"
                + "1400020020010db8000000000000000000000010" + "1400010020010db8000000000000000000000010");
    }

    @Test
    void addressDeleteCarriesNoCreateFlags() throws Exception {
        NlRequest r = AddressRequests.delete(2, "d0", AddressSpec.of(ip("192.0.2.10"), 24));
        assertThat(r.type()).isEqualTo(Rtnl.RTM_DELADDR);
        assertThat(r.flags()).isEqualTo(0x05);
        assertThat(AddressRequests.ipCommand(false, "d0", AddressSpec.of(ip("192.0.2.10"), 24)))
                .isEqualTo("ip addr del 192.0.2.10/24 dev d0");
    }

    @Test
    void commandsPrintIpv6InTheShortFormOperatorsWrite() throws Exception {
        assertThat(AddressRequests.ipCommand(true, "d0", AddressSpec.of(ip("2001:db8::1"), 64)))
                .isEqualTo("ip addr add 2001:db8::1/64 dev d0");
        assertThat(RouteRequests.ipCommand(true, route("2001:db8:1::", 48, "fe80::1", "d0", null), 247))
                .startsWith("ip route add 2001:db8:1::/48 via fe80::1 dev d0");
    }

    private static RouteSpec route(String to, int len, String via, String dev, Long metric) throws Exception {
        return new RouteSpec(ip(to), len, via == null ? Optional.empty() : Optional.of(ip(via)),
                Optional.ofNullable(dev), Optional.ofNullable(metric), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    @Test
    void routeAddMatchesIproute2WithOurProtocol() throws Exception {
        // strace of `ip route add 198.51.100.0/24 via 192.0.2.1 dev d0 metric 100 proto 247`.
        NlRequest r = RouteRequests.add(route("198.51.100.0", 24, "192.0.2.1", "d0", 100L), 2, 247);
        assertThat(hex(r)).isEqualTo("3c000000180005060000000000000000" + "021800 00fef70001 00000000".replace(" ", "")
                + "08000100c6336400" + "08000500c0000201" + "0800060064000000" + "0800040002000000");
    }

    @Test
    void routeWithoutGatewayIsLinkScopedAndDeleteMatchesAnyScope() throws Exception {
        RouteSpec r = route("198.51.100.0", 24, null, "d0", null);
        NlMessage add = NlMessage.parseOne(RouteRequests.add(r, 2, 247).bytes());
        NlMessage del = NlMessage.parseOne(RouteRequests.delete(r, 2, 247).bytes());
        assertThat(RtMsg.read(add).scope()).isEqualTo(Rtnl.RT_SCOPE_LINK);
        assertThat(RtMsg.read(del).scope()).isEqualTo(Rtnl.RT_SCOPE_NOWHERE);
        assertThat(RtMsg.read(del).protocol()).isEqualTo(247);
    }

    @Test
    void routeInTableAbove255UsesRtaTable() throws Exception {
        RouteSpec r = new RouteSpec(ip("0.0.0.0"), 0, Optional.of(ip("192.0.2.1")), Optional.empty(),
                Optional.empty(), Optional.of(1000L), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of(1400));
        NlMessage m = NlMessage.parseOne(RouteRequests.add(r, 0, 247).bytes());
        RouteMessage decoded = RouteMessage.decode(m);
        assertThat(decoded.header().table()).isEqualTo(Rtnl.RT_TABLE_UNSPEC);
        assertThat(decoded.table()).isEqualTo(1000);
        assertThat(decoded.dst()).isNull();
        assertThat(decoded.mtu()).isEqualTo(1400);
        assertThat(RouteRequests.ipCommand(true, r, 247))
                .isEqualTo("ip route add default via 192.0.2.1 table 1000 mtu 1400 proto 247");
    }
}
