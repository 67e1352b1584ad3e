package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.tunnel.Ip6tnlKind.Ip6tnlSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ip6tnlKindTest {
    private static final Ip6tnlKind KIND = Ip6tnlKind.INSTANCE;

    @Test
    void createWithOnlyEndpointsMatchesIproute2AndItsDefaults() throws Exception {
        KindGolden.assertMatchesCapture("ip6tnl/create-basic.txt", KIND,
                Map.of("local", ip("2001:db8::1"), "remote", ip("2001:db8::2")),
                new Ip6tnlSpec(Optional.of("any"), Optional.of(ip("2001:db8::1")),
                Optional.of(ip("2001:db8::2")), Optional.empty(), Optional.of(64), Optional.of(EncapLimit.of(4)),
                Optional.of(Inheritable.of(0)), Optional.of(Inheritable.of(0))));
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("ip6tnl/create-full.txt", KIND,
                Map.of("mode", "ip6ip6", "local", ip("2001:db8::1"), "remote", ip("2001:db8::2"),
                "dev", "p0", "hoplimit", 32L, "encaplimit", 8L, "tos", 0x88L, "flowlabel", 0x12345L),
                new Ip6tnlSpec(Optional.of("ip6ip6"), Optional.of(ip("2001:db8::1")),
                Optional.of(ip("2001:db8::2")), Optional.of("p0"), Optional.of(32), Optional.of(EncapLimit.of(8)),
                Optional.of(Inheritable.of(0x88)), Optional.of(Inheritable.of(0x12345))));
    }

    @Test
    void ipip6WithInheritedSettingsMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("ip6tnl/create-inherit.txt", KIND,
                Map.of("mode", "ipip6", "local", ip("2001:db8::1"), "remote", ip("2001:db8::2"),
                "hoplimit", 0L, "encaplimit", "none", "tos", "inherit", "flowlabel", "inherit"),
                new Ip6tnlSpec(Optional.of("ipip6"), Optional.of(ip("2001:db8::1")),
                Optional.of(ip("2001:db8::2")), Optional.empty(), Optional.of(0), Optional.of(EncapLimit.NONE),
                Optional.of(Inheritable.INHERIT), Optional.of(Inheritable.INHERIT)));
    }

    @Test
    void modeAnyWithOnlyARemoteMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("ip6tnl/create-any.txt");
        Ip6tnlSpec s = spec(KIND, Map.of("mode", "any", "remote", ip("2001:db8::2")));
        KindGolden.assertCreatesWithIpArgs(f, KIND, s);
    }

    @Test
    void changeSendsTheWholeSetAndTheModeChangesInPlace() throws Exception {
        GoldenFixture f = GoldenFixture.load("ip6tnl/create-full.txt");
        Ip6tnlSpec merged = KindGolden.assertChangeSendsWholeSet(f, KIND, spec(KIND, Map.of("mode", "any")));
        assertThat(merged.flowlabel()).contains(Inheritable.of(0x12345));
        assertThat(KIND.differences(spec(KIND, Map.of("mode", "ipip6")), KindGolden.decoded(f, KIND)))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
    }

    @Test
    void noDifferenceWhenTheKernelAlreadyHasIt() throws Exception {
        GoldenFixture f = GoldenFixture.load("ip6tnl/create-full.txt");
        assertThat(KIND.differences(spec(KIND, Map.of("tos", "af41", "hoplimit", 32L)), KindGolden.decoded(f, KIND)))
                .isEmpty();
    }
}
