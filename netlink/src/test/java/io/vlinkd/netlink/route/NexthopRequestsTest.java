package io.vlinkd.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Nexthop requests against the bytes iproute2 6.1's {@code ip nexthop add|replace|del} sends (golden/nexthop/,
 * captured with scripts/capture-golden on this host's kernel, which took every one), their commands, and each
 * request read back as the nexthop it writes.
 */
class NexthopRequestsTest {

    private static Optional<InetAddress> ip(String a) throws Exception {
        return Optional.of(InetAddress.getByName(a));
    }

    /** The add (or replace) of {@code n} is the capture's bytes and command, and reads back as {@code n}. */
    private static void assertMatches(String resource, NexthopSpec n, boolean replace) throws Exception {
        GoldenFixture f = GoldenFixture.load(resource);
        int oif = n.dev().map(d -> f.ifindex().get(d)).orElse(0);
        GoldenAssert.assertSameBytes(f, replace ? NexthopRequests.replace(n, oif, 247)
                : NexthopRequests.add(n, oif, 247));
        assertThat(NexthopRequests.command(replace ? "replace" : "add", n, 247)).isEqualTo(f.command());
        NexthopMessage read = NexthopMessage.decode(f.message()).orElseThrow();
        assertThat(read.nexthop()).isEqualTo(n.withDev(Optional.empty()));
        assertThat(read.oif()).isEqualTo(oif);
        assertThat(read.protocol()).isEqualTo(247);
    }

    @Test
    void aGatewayOnADeviceOnlinkOrNotADeviceAloneAndAnIpv6Gateway() throws Exception {
        assertMatches("nexthop/gateway.txt",
                NexthopSpec.single(1, Rtnl.AF_INET, ip("192.0.2.1"), Optional.of("d0"), false, false), false);
        assertMatches("nexthop/onlink.txt",
                NexthopSpec.single(2, Rtnl.AF_INET, ip("198.51.100.1"), Optional.of("d0"), true, false), false);
        assertMatches("nexthop/dev.txt",
                NexthopSpec.single(3, Rtnl.AF_INET, Optional.empty(), Optional.of("d0"), false, false), false);
        assertMatches("nexthop/ipv6.txt",
                NexthopSpec.single(5, Rtnl.AF_INET6, ip("2001:db8::1"), Optional.of("d0"), false, false), false);
    }

    @Test
    void aBlackholeAndAnFdbNexthop() throws Exception {
        assertMatches("nexthop/blackhole.txt", NexthopSpec.blackhole(4, Rtnl.AF_INET), false);
        assertMatches("nexthop/fdb.txt",
                NexthopSpec.single(6, Rtnl.AF_INET, ip("192.0.2.1"), Optional.empty(), false, true), false);
    }

    @Test
    void groupsSendWeightMinusOneAndAResilientGroupItsBucketsAndIdleTimerInHundredths() throws Exception {
        assertMatches("nexthop/group.txt", NexthopSpec.group(10,
                List.of(new NexthopSpec.Member(1, 1), new NexthopSpec.Member(2, 3)), false), false);
        assertMatches("nexthop/resilient.txt", NexthopSpec.resilient(11,
                List.of(new NexthopSpec.Member(1, 1), new NexthopSpec.Member(2, 1)), 32, 120), false);
        assertMatches("nexthop/fdb-group.txt", NexthopSpec.group(12,
                List.of(new NexthopSpec.Member(6, 1), new NexthopSpec.Member(7, 1)), true), false);
    }

    @Test
    void replaceIsNlmFReplaceAndDeleteNamesTheIdAlone() throws Exception {
        assertMatches("nexthop/replace.txt",
                NexthopSpec.single(1, Rtnl.AF_INET, ip("192.0.2.3"), Optional.of("d0"), false, false), true);
        GoldenFixture del = GoldenFixture.load("nexthop/del.txt");
        GoldenAssert.assertSameBytes(del, NexthopRequests.delete(1));
        assertThat(NexthopRequests.command("del", NexthopSpec.blackhole(1, Rtnl.AF_INET), 247))
                .isEqualTo(del.command());
    }

    @Test
    void aWeightAbove256ReadsBackFromItsHighByte() throws Exception {
        // Kernel 6.12+ may dump a 16-bit weight: nexthop_grp's resvd1 became weight_high.
        byte[] grp = {10, 0, 0, 0, (byte) 0xff, 1, 0, 0};
        var w = io.vlinkd.netlink.wire.MessageWriter.request(Rtnl.RTM_NEWNEXTHOP, 0);
        w.u8(0).u8(0).u8(247).u8(0).u32(0);
        w.putInt(Nha.NHA_ID, 20);
        w.putBytes(Nha.NHA_GROUP, grp);
        var m = io.vlinkd.netlink.wire.NlMessage.parseOne(w.finish("test").bytes());
        assertThat(NexthopMessage.decode(m).orElseThrow().nexthop().group())
                .containsExactly(new NexthopSpec.Member(10, 512));
    }
}
