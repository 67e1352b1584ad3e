package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.problems;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.tunnel.IpipKind.IpipSpec;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpipKindTest {
    private static final IpipKind KIND = IpipKind.INSTANCE;
    private static final IpipKind SIT = SitKind.INSTANCE;

    @Test
    void ttlInheritIsZero() {
        assertThat(spec(KIND, Map.of("ttl", "inherit")).ttl()).contains(0);
    }

    @Test
    void dscpNamesAndNumbersAreTheSameTos() {
        assertThat(KIND.toOptions(spec(KIND, Map.of("tos", "ef")))).isEqualTo(KIND.toOptions(spec(KIND, Map.of("tos", 0xb8L))));
    }

    @Test
    void aFixedTtlWithoutPmtudiscIsRefused() {
        assertThat(problems(KIND, Map.of("ttl", 64L, "pmtudisc", false))).containsExactly(new Problems.Problem(
                "pmtudisc", "pmtudisc: false needs ttl inherit (0); ttl 64 and nopmtudisc are incompatible"));
    }

    @Test
    void anOddTosIsRefusedBecauseTheKernelReadsItAsInherit() {
        assertThat(problems(KIND, Map.of("tos", 3L))).containsExactly(new Problems.Problem("tos",
                "tos 3 has its lowest bit set, which the kernel reads as inherit; write inherit or an even value"));
    }

    /**
     * iproute2's change path (link_iptnl.c) reads the link back and writes the same attribute set as create, with the
     * link's values for what the command does not say; ours does the same from {@link IpipKind#changeFrom}. (The
     * byte-for-byte capture of a real change, taken on a full kernel, is in {@link TunnelChangeGoldenTest}.)
     */
    @Test
    void changeWritesTheWholeSetWithUnmanagedValuesTakenFromTheKernel() throws Exception {
        GoldenFixture f = GoldenFixture.load("ipip/create-full.txt");
        IpipSpec observed = KIND.decode(LinkMessage.decode(f.message()).infoData(), i -> Optional.of("p0"));
        IpipSpec desired = spec(KIND, Map.of("ttl", 32L));
        IpipSpec merged = KIND.changeFrom(desired, observed);
        assertThat(merged).isEqualTo(new IpipSpec(Optional.of("ipip"), Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.of("p0"), Optional.of(32),
                Optional.of(Inheritable.of(0x88)), Optional.of(true)));
        NlMessage change = NlMessage.parseOne(LinkRequests.change(7, LinkSpec.of("t0", KIND, merged),
                f.context()).bytes());
        IpipSpec sent = KIND.decode(LinkMessage.decode(change).infoData(), i -> Optional.of("p0"));
        assertThat(sent).isEqualTo(merged);
        assertThat(LinkMessage.decode(change).infoData().all()).hasSize(
                LinkMessage.decode(f.message()).infoData().all().size());
    }

    @Test
    void classifiesNoneInPlaceAndRecreate() {
        IpipSpec observed = new IpipSpec(Optional.of("any"), Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.empty(), Optional.of(0), Optional.of(Inheritable.of(0)),
                Optional.of(true));
        assertThat(KIND.differences(spec(KIND, Map.of("remote", ip("198.51.100.1"))), observed)).isEmpty();
        List<Difference> ttl = KIND.differences(spec(KIND, Map.of("ttl", 64L, "local", ip("192.0.2.9"))), observed);
        assertThat(ttl).extracting(Difference::key, Difference::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("local", Option.Change.IN_PLACE),
                org.assertj.core.groups.Tuple.tuple("ttl", Option.Change.IN_PLACE));
        assertThat(KIND.differences(spec(KIND, Map.of("mode", "ipip")), observed)).extracting(Difference::change)
                .containsExactly(Option.Change.RECREATE);
    }

    @Test
    void addingARemoteToAMultipointTunnelRecreates() {
        IpipSpec observed = new IpipSpec(Optional.of("any"), Optional.of(ip("192.0.2.1")), Optional.empty(),
                Optional.empty(), Optional.of(0), Optional.of(Inheritable.of(0)), Optional.of(true));
        List<Difference> d = KIND.differences(spec(KIND, Map.of("remote", ip("198.51.100.1"))), observed);
        assertThat(d).hasSize(1);
        assertThat(d.get(0).change()).isEqualTo(Option.Change.RECREATE);
        assertThat(d.get(0).reason()).isEqualTo(
                "the kernel does not turn a multipoint tunnel into a point-to-point one in place (changelink: EINVAL)");
    }

    @Test
    void aLocalOfTheWrongFamilyCannotBeWritten() {
        IpipSpec s = new IpipSpec(Optional.empty(), Optional.of(ip("2001:db8::1")), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        MessageWriter w = MessageWriter.request(16, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KIND.encodeCreate(s, EncodeContext.offline(), w))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createWithOnlyEndpointsMatchesIproute2IncludingSitFlags() throws Exception {
        KindGolden.assertMatchesCapture("sit/create-basic.txt", SIT,
                Map.of("local", ip("192.0.2.1"), "remote", ip("198.51.100.1")),
                new IpipSpec(Optional.of("any"), Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.empty(), Optional.of(0), Optional.of(Inheritable.of(0)),
                Optional.of(true)));
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("sit/create-full.txt", SIT,
                Map.of("mode", "ip6ip", "local", ip("192.0.2.1"), "remote", ip("198.51.100.1"),
                "dev", "p0", "ttl", 255L, "tos", "ef", "pmtudisc", true),
                new IpipSpec(Optional.of("ip6ip"), Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.of("p0"), Optional.of(255),
                Optional.of(Inheritable.of(0xb8)), Optional.of(true)));
    }

    @Test
    void sitChangeSendsTheWholeSetWithTheKernelsValuesForUnmanagedOptions() throws Exception {
        IpipSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("sit/create-full.txt"), SIT,
                spec(SIT, Map.of("tos", "inherit")));
        assertThat(merged.ttl()).contains(255);
        assertThat(merged.tos()).contains(Inheritable.INHERIT);
    }

    @Test
    void removingASitRemoteRecreates() {
        IpipSpec observed = spec(SIT, Map.of("remote", ip("198.51.100.1")));
        assertThat(SIT.differences(spec(SIT, Map.of("remote", ip("198.51.100.2"))), observed))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
        IpipSpec multipoint = spec(SIT, Map.of("local", ip("192.0.2.1")));
        assertThat(SIT.differences(spec(SIT, Map.of("remote", ip("198.51.100.2"))), multipoint))
                .extracting(Difference::change).containsExactly(Option.Change.RECREATE);
    }
}
