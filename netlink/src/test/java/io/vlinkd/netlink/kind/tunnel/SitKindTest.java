package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.tunnel.SitKind.SitSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitKindTest {
    private static final SitKind KIND = SitKind.INSTANCE;

    @Test
    void createWithOnlyEndpointsMatchesIproute2IncludingSitFlags() throws Exception {
        KindGolden.assertMatchesCapture("sit/create-basic.txt", KIND,
                Map.of("local", ip("192.0.2.1"), "remote", ip("198.51.100.1")),
                new SitSpec(Optional.of("any"), Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.empty(), Optional.of(0), Optional.of(Inheritable.of(0)),
                Optional.of(true)));
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("sit/create-full.txt", KIND,
                Map.of("mode", "ip6ip", "local", ip("192.0.2.1"), "remote", ip("198.51.100.1"),
                "dev", "p0", "ttl", 255L, "tos", "ef", "pmtudisc", true),
                new SitSpec(Optional.of("ip6ip"), Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.of("p0"), Optional.of(255),
                Optional.of(Inheritable.of(0xb8)), Optional.of(true)));
    }

    @Test
    void changeSendsTheWholeSetWithTheKernelsValuesForUnmanagedOptions() throws Exception {
        SitSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("sit/create-full.txt"), KIND,
                spec(KIND, Map.of("tos", "inherit")));
        assertThat(merged.ttl()).contains(255);
        assertThat(merged.tos()).contains(Inheritable.INHERIT);
    }

    @Test
    void removingTheRemoteRecreates() {
        SitSpec observed = spec(KIND, Map.of("remote", ip("198.51.100.1")));
        assertThat(KIND.differences(spec(KIND, Map.of("remote", ip("198.51.100.2"))), observed))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
        SitSpec multipoint = spec(KIND, Map.of("local", ip("192.0.2.1")));
        assertThat(KIND.differences(spec(KIND, Map.of("remote", ip("198.51.100.2"))), multipoint))
                .extracting(Difference::change).containsExactly(Option.Change.RECREATE);
    }
}
