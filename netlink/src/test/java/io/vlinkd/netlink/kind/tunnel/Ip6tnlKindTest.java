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
