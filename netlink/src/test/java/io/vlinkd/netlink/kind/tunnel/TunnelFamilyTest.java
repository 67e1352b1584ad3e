package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.Problems.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each tunnel kind's endpoints are of the family it tunnels over, and the message names the kind that fits. */
class TunnelFamilyTest {

    @Test
    void ipv4TunnelsRefuseIpv6Endpoints() {
        assertThat(problems(IpipKind.INSTANCE, Map.of("local", ip("2001:db8::1")))).containsExactly(new Problem(
                "local", "ipip tunnels over IPv4, so local must be an IPv4 address, not 2001:db8::1"
                        + " (ip6tnl tunnels over IPv6)"));
        assertThat(problems(GretapKind.INSTANCE, Map.of("remote", ip("2001:db8::2")))).extracting(Problem::message)
                .containsExactly("gretap tunnels over IPv4, so remote must be an IPv4 address, not"
                        + " 2001:db8::2 (ip6gretap tunnels over IPv6)");
        assertThat(problems(VtiKind.INSTANCE, Map.of("remote", ip("2001:db8::2")))).hasSize(1);
        assertThat(problems(SitKind.INSTANCE, Map.of("remote", ip("2001:db8::2")))).hasSize(1);
        assertThat(problems(GreKind.INSTANCE, Map.of("local", ip("2001:db8::2")))).hasSize(1);
    }

    @Test
    void ipv6TunnelsRefuseIpv4Endpoints() {
        assertThat(problems(Ip6tnlKind.INSTANCE, Map.of("remote", ip("192.0.2.1")))).containsExactly(new Problem(
                "remote", "ip6tnl tunnels over IPv6, so remote must be an IPv6 address, not 192.0.2.1"
                        + " (ipip or sit tunnels over IPv4)"));
        assertThat(problems(Ip6greKind.INSTANCE, Map.of("local", ip("192.0.2.1")))).extracting(Problem::message)
                .containsExactly("ip6gre tunnels over IPv6, so local must be an IPv6 address, not 192.0.2.1"
                        + " (gre tunnels over IPv4)");
        assertThat(problems(Ip6gretapKind.INSTANCE, Map.of("local", ip("192.0.2.1")))).hasSize(1);
        assertThat(problems(Vti6Kind.INSTANCE, Map.of("local", ip("192.0.2.1")))).extracting(Problem::message)
                .containsExactly("vti6 tunnels over IPv6, so local must be an IPv6 address, not 192.0.2.1"
                        + " (vti tunnels over IPv4)");
    }
}
