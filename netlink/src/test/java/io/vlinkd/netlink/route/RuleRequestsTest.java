package io.vlinkd.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rule requests against the bytes iproute2 6.1's {@code ip rule add|del} sends (golden/rule/, captured with
 * scripts/capture-golden), their commands, and each request read back as the rule it writes.
 */
class RuleRequestsTest {

    private static RuleSpec.Prefix prefix(String address, int length) throws Exception {
        return new RuleSpec.Prefix(InetAddress.getByName(address), length);
    }

    /** A rule with only a priority and the kernel's defaults for the rest: a lookup in {@code table}. */
    private static RuleSpec lookup(int family, long priority, Optional<RuleSpec.Prefix> from,
                                   Optional<RuleSpec.Prefix> to, long table) {
        return new RuleSpec(family, priority, from, to, Optional.empty(), Optional.empty(), 0, 0, 0, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), false, -1, RuleAction.LOOKUP, table, 0);
    }

    private static void assertMatches(GoldenFixture f, RuleSpec rule, boolean add) throws Exception {
        GoldenAssert.assertSameBytes(f, add ? RuleRequests.add(rule, 247) : RuleRequests.delete(rule, 247));
        assertThat(RuleRequests.command(add ? "add" : "del", rule, 247)).isEqualTo(f.command());
        if (add) {
            RuleMessage read = RuleMessage.decode(f.message()).orElseThrow();
            assertThat(read.rule()).isEqualTo(rule);
            assertThat(read.protocol()).isEqualTo(247);
        }
    }

    @Test
    void aSourceRuleIntoASmallTableHasTheTableInItsHeader() throws Exception {
        RuleSpec r = lookup(Rtnl.AF_INET, 100, Optional.of(prefix("10.1.0.0", 16)), Optional.empty(), 100);
        assertMatches(GoldenFixture.load("rule/basic.txt"), r, true);
        assertMatches(GoldenFixture.load("rule/del.txt"), r, false);
        assertMatches(GoldenFixture.load("rule/main.txt"),
                lookup(Rtnl.AF_INET, 150, Optional.empty(), Optional.of(prefix("10.9.0.0", 16)), 254), true);
    }

    @Test
    void everySelectorMatchesIproute2AndATableOf256OrMoreIsAnAttribute() throws Exception {
        RuleSpec r = new RuleSpec(Rtnl.AF_INET, 300, Optional.of(prefix("10.1.0.0", 16)),
                Optional.of(prefix("10.2.0.0", 16)), Optional.of("v0"), Optional.of("v1"), 0x10, 0xff, 0x10, 6,
                Optional.of(new RuleSpec.Range(1000, 2000)), Optional.of(new RuleSpec.Range(443, 443)),
                Optional.of(new RuleSpec.Range(1000, 2000)), false, 0, RuleAction.LOOKUP, 300, 0);
        assertMatches(GoldenFixture.load("rule/all.txt"), r, true);
    }

    @Test
    void l3mdevBlackholeAndGotoRules() throws Exception {
        RuleSpec l3mdev = new RuleSpec(Rtnl.AF_INET, 1000, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), true, -1,
                RuleAction.LOOKUP, 0, 0);
        assertMatches(GoldenFixture.load("rule/l3mdev.txt"), l3mdev, true);
        RuleSpec blackhole = new RuleSpec(Rtnl.AF_INET6, 500, Optional.of(prefix("2001:db8::", 32)),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false, -1, RuleAction.BLACKHOLE, 0, 0);
        assertMatches(GoldenFixture.load("rule/blackhole.txt"), blackhole, true);
        RuleSpec jump = new RuleSpec(Rtnl.AF_INET, 600, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), false, -1,
                RuleAction.GOTO, 0, 700);
        assertMatches(GoldenFixture.load("rule/goto.txt"), jump, true);
    }
}
