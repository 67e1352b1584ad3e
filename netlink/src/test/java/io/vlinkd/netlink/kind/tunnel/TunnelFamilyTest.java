package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Problems.Problem;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each tunnel kind's endpoints are of the family it tunnels over, and the message names the kind that fits. */
class TunnelFamilyTest {

    /** IPv4 tunnels with an IPv6 endpoint, then IPv6 tunnels with an IPv4 one. */
    static Stream<Arguments> endpointsOfTheOtherFamily() {
        return Stream.of(
                Arguments.of(IpipKind.INSTANCE, "local", "2001:db8::1", "ipip tunnels over IPv4, so local must be an"
                        + " IPv4 address, not 2001:db8::1 (ip6tnl tunnels over IPv6)"),
                Arguments.of(GretapKind.INSTANCE, "remote", "2001:db8::2", "gretap tunnels over IPv4, so remote must"
                        + " be an IPv4 address, not 2001:db8::2 (ip6gretap tunnels over IPv6)"),
                Arguments.of(VtiKind.INSTANCE, "remote", "2001:db8::2", "vti tunnels over IPv4, so remote must be an"
                        + " IPv4 address, not 2001:db8::2 (vti6 tunnels over IPv6)"),
                Arguments.of(SitKind.INSTANCE, "remote", "2001:db8::2", "sit tunnels over IPv4, so remote must be an"
                        + " IPv4 address, not 2001:db8::2 (ip6tnl tunnels over IPv6)"),
                Arguments.of(GreKind.INSTANCE, "local", "2001:db8::2", "gre tunnels over IPv4, so local must be an"
                        + " IPv4 address, not 2001:db8::2 (ip6gre tunnels over IPv6)"),
                Arguments.of(Ip6tnlKind.INSTANCE, "remote", "192.0.2.1", "ip6tnl tunnels over IPv6, so remote must be"
                        + " an IPv6 address, not 192.0.2.1 (ipip or sit tunnels over IPv4)"),
                Arguments.of(Ip6greKind.INSTANCE, "local", "192.0.2.1", "ip6gre tunnels over IPv6, so local must be"
                        + " an IPv6 address, not 192.0.2.1 (gre tunnels over IPv4)"),
                Arguments.of(Ip6gretapKind.INSTANCE, "local", "192.0.2.1", "ip6gretap tunnels over IPv6, so local"
                        + " must be an IPv6 address, not 192.0.2.1 (gretap tunnels over IPv4)"),
                Arguments.of(Vti6Kind.INSTANCE, "local", "192.0.2.1", "vti6 tunnels over IPv6, so local must be an"
                        + " IPv6 address, not 192.0.2.1 (vti tunnels over IPv4)"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("endpointsOfTheOtherFamily")
    void anEndpointOfTheOtherFamilyIsRefusedNamingTheKindThatFits(LinkKind<?> kind, String key, String address,
                                                                  String message) {
        assertThat(problems(kind, Map.of(key, ip(address)))).containsExactly(new Problem(key, message));
    }
}
