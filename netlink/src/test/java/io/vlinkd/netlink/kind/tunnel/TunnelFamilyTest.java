package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.Problems.Problem;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each tunnel kind's endpoints are of the family it tunnels over, and the message names the kind that fits. */
class TunnelFamilyTest {

    /**
     * IPv4 tunnels with an IPv6 endpoint, then IPv6 tunnels with an IPv4 one: "KIND tunnels over IPvN, so KEY must
     * be an IPvN address, not ADDRESS (OTHER tunnels over IPvM)".
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "ipip, local, 2001:db8::1, 4, ip6tnl",
            "gretap, remote, 2001:db8::2, 4, ip6gretap",
            "vti, remote, 2001:db8::2, 4, vti6",
            "sit, remote, 2001:db8::2, 4, ip6tnl",
            "gre, local, 2001:db8::2, 4, ip6gre",
            "ip6tnl, remote, 192.0.2.1, 6, ipip or sit",
            "ip6gre, local, 192.0.2.1, 6, gre",
            "ip6gretap, local, 192.0.2.1, 6, gretap",
            "vti6, local, 192.0.2.1, 6, vti"})
    void anEndpointOfTheOtherFamilyIsRefusedNamingTheKindThatFits(String kind, String key, String address,
                                                                  int version, String otherKind) {
        int otherVersion = version == 4 ? 6 : 4;
        String message = kind + " tunnels over IPv" + version + ", so " + key + " must be an IPv" + version
                + " address, not " + address + " (" + otherKind + " tunnels over IPv" + otherVersion + ")";
        assertThat(problems(LinkKinds.byName(kind).orElseThrow(), Map.of(key, ip(address))))
                .containsExactly(new Problem(key, message));
    }
}
