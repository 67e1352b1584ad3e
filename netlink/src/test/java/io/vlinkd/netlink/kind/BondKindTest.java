package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.BondKind.BondSpec;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.wire.AttrLocation;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BondKindTest {
    private static final BondKind BOND = BondKind.INSTANCE;

    /** A spec from option values, failing on any problem. */
    private static BondSpec spec(Map<String, Object> values) {
        Problems p = new Problems();
        BondSpec s = BOND.fromOptions(OptionValues.of(values), new LinkCommon("bond0", Optional.empty(),
                Optional.empty()), p);
        assertThat(p.all()).isEmpty();
        return s;
    }

    private static List<Problems.Problem> problems(Map<String, Object> values) {
        Problems p = new Problems();
        BOND.fromOptions(OptionValues.of(values), new LinkCommon("bond0", Optional.empty(), Optional.empty()), p);
        return p.all();
    }


    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void createActiveBackupMatchesIproute2() throws Exception {
        BondSpec s = spec(ConfigOptions.of("mode", "active-backup", "miimon", 100, "updelay", 200, "downdelay", 300,
                "primary", "p0", "primary-reselect", "better", "fail-over-mac", "active", "all-slaves-active", true,
                "min-links", 1));
        KindGolden.assertCreate("bond/create-active-backup.txt", LinkSpec.of("bond0", BOND, s));
    }

    @Test
    void create8023adMatchesIproute2() throws Exception {
        BondSpec s = spec(ConfigOptions.of("mode", "802.3ad", "miimon", 100, "xmit-hash-policy", "layer3+4", "min-links", 2,
                "lacp-rate", "fast", "ad-select", "bandwidth"));
        KindGolden.assertCreate("bond/create-802.3ad.txt", LinkSpec.of("bond0", BOND, s));
    }

    @Test
    void createArpMonitoredMatchesIproute2() throws Exception {
        BondSpec s = spec(ConfigOptions.of("mode", "balance-xor", "arp-interval", 200, "arp-ip-target",
                List.of(ip("192.0.2.1"), ip("192.0.2.2")), "arp-validate", "all", "xmit-hash-policy", "layer2+3"));
        KindGolden.assertCreate("bond/create-arp.txt", LinkSpec.of("bond0", BOND, s));
    }

    @Test
    void createWithNothingManagedSendsNoData() throws Exception {
        KindGolden.assertCreate("bond/create-balance-rr.txt", LinkSpec.of("bond0", BOND, BondSpec.empty()));
    }

    @Test
    void changeMatchesIproute2() throws Exception {
        BondSpec s = spec(ConfigOptions.of("miimon", 200, "updelay", 400, "downdelay", 400, "min-links", 2));
        KindGolden.assertChange("bond/change-miimon.txt", LinkSpec.of("bond0", BOND, s));
    }

    @Test
    void changeOmitsOptionsARunningBondRefuses() {
        BondSpec s = spec(ConfigOptions.of("mode", "802.3ad", "miimon", 100, "lacp-rate", "fast", "ad-select", "count",
                "min-links", 1));
        MessageWriter w = MessageWriter.request(16, 0);
        BOND.encodeChange(s, EncodeContext.offline(), w);
        assertThat(w.finish("t").locations()).extracting(AttrLocation::path)
                .containsExactly("IFLA_BOND_MIIMON", "IFLA_BOND_MIN_LINKS");
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    @Test
    void arpMonitoringIsRefusedIn8023adTlbAndAlb() throws Exception {
        for (String mode : List.of("802.3ad", "balance-tlb", "balance-alb")) {
            assertThat(problems(ConfigOptions.of("mode", mode, "arp-interval", 100, "arp-ip-target", List.of(ip("192.0.2.1")))))
                    .containsExactly(new Problems.Problem("arp-interval", "ARP monitoring does not work in mode "
                            + mode + "; use miimon instead"));
            assertThat(problems(ConfigOptions.of("mode", mode, "arp-validate", "all"))).containsExactly(
                    new Problems.Problem("arp-validate", "arp-validate does not work in mode " + mode));
        }
    }

    @Test
    void lacpRateOnlyIn8023ad() {
        assertThat(problems(ConfigOptions.of("mode", "balance-rr", "lacp-rate", "fast"))).containsExactly(
                new Problems.Problem("lacp-rate", "lacp-rate only works in mode 802.3ad (mode is balance-rr)"));
        assertThat(problems(ConfigOptions.of("lacp-rate", "slow"))).containsExactly(
                new Problems.Problem("lacp-rate", "lacp-rate only works in mode 802.3ad (set mode)"));
    }

    @Test
    void primaryOnlyInModesWithAnActivePort() {
        assertThat(problems(ConfigOptions.of("mode", "802.3ad", "primary", "eth0"))).containsExactly(new Problems.Problem(
                "primary", "primary only works in mode active-backup, balance-tlb or balance-alb (mode is 802.3ad)"));
        assertThat(problems(ConfigOptions.of("mode", "balance-alb", "primary", "eth0"))).isEmpty();
    }

    @Test
    void miimonAndArpIntervalExcludeEachOther() throws Exception {
        assertThat(problems(ConfigOptions.of("miimon", 100, "arp-interval", 100, "arp-ip-target", List.of(ip("192.0.2.1")))))
                .containsExactly(new Problems.Problem("arp-interval", "miimon and arp-interval exclude each other "
                        + "(the kernel turns one off): set one of them to 0"));
    }

    @Test
    void arpMonitoringNeedsTargets() {
        assertThat(problems(ConfigOptions.of("arp-interval", 100))).containsExactly(
                new Problems.Problem("arp-interval", "ARP monitoring needs at least one arp-ip-target"));
    }

    @Test
    void atMostSixteenDistinctArpTargets() throws Exception {
        List<InetAddress> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            many.add(ip("192.0.2." + i));
        }
        assertThat(problems(ConfigOptions.of("arp-ip-target", many))).containsExactly(
                new Problems.Problem("arp-ip-target", "a bond takes at most 16 arp-ip-targets, not 17"));
        assertThat(problems(ConfigOptions.of("arp-ip-target", List.of(ip("192.0.2.1"), ip("192.0.2.1"))))).containsExactly(
                new Problems.Problem("arp-ip-target", "192.0.2.1 is listed twice"));
    }

    @Test
    void delaysMustBeMultiplesOfMiimon() {
        assertThat(problems(ConfigOptions.of("miimon", 100, "updelay", 150))).containsExactly(new Problems.Problem("updelay",
                "updelay 150 is not a multiple of miimon 100 (the kernel would round it down to 100)"));
        assertThat(problems(ConfigOptions.of("miimon", 0, "downdelay", 200))).containsExactly(
                new Problems.Problem("downdelay", "downdelay needs miimon (MII monitoring is off)"));
        assertThat(problems(ConfigOptions.of("miimon", 100, "updelay", 300, "downdelay", 0))).isEmpty();
    }

    // ---- classify ------------------------------------------------------------------------------------------------

    @Test
    void equalSpecsHaveNoDifference() {
        BondSpec s = spec(ConfigOptions.of("mode", "active-backup", "miimon", 100));
        assertThat(BOND.differences(s, s)).isEmpty();
    }

    @Test
    void modeNeedsARecreateWithTheKernelsReason() {
        assertThat(BOND.differences(spec(ConfigOptions.of("mode", "802.3ad")), spec(ConfigOptions.of("mode", "balance-rr"))))
                .containsExactly(new Difference("mode", "802.3ad", "balance-rr", Option.Change.RECREATE,
                        "the kernel changes a bond's mode only while it is down and has no ports "
                                + "(ENOTEMPTY/EBUSY)"));
    }

    @Test
    void lacpRateAndFailOverMacNeedARecreate() {
        assertThat(BOND.differences(spec(ConfigOptions.of("mode", "802.3ad", "lacp-rate", "fast")),
                spec(ConfigOptions.of("mode", "802.3ad", "lacp-rate", "slow"))))
                .extracting(Difference::key, Difference::change, Difference::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lacp-rate", Option.Change.RECREATE,
                        "the kernel changes lacp_rate only while the bond is down (EBUSY)"));
        assertThat(BOND.differences(spec(ConfigOptions.of("fail-over-mac", "follow")), spec(ConfigOptions.of("fail-over-mac", "none"))))
                .extracting(Difference::change).containsExactly(Option.Change.RECREATE);
    }

    @Test
    void monitoringOptionsChangeInPlace() throws Exception {
        assertThat(BOND.differences(spec(ConfigOptions.of("miimon", 200, "min-links", 2, "xmit-hash-policy", "layer3+4")),
                spec(ConfigOptions.of("miimon", 100, "min-links", 1, "xmit-hash-policy", "layer2"))))
                .extracting(Difference::key, Difference::change).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("miimon", Option.Change.IN_PLACE),
                        org.assertj.core.groups.Tuple.tuple("xmit-hash-policy", Option.Change.IN_PLACE),
                        org.assertj.core.groups.Tuple.tuple("min-links", Option.Change.IN_PLACE));
    }

    @Test
    void arpTargetsCompareAsASet() throws Exception {
        BondSpec want = spec(ConfigOptions.of("arp-ip-target", List.of(ip("192.0.2.1"), ip("192.0.2.2"))));
        BondSpec have = spec(ConfigOptions.of("arp-ip-target", List.of(ip("192.0.2.2"), ip("192.0.2.1"))));
        assertThat(BOND.differences(want, have)).isEmpty();
    }

    @Test
    void aDumpWithoutTargetsMeansNone() throws Exception {
        MessageWriter w = MessageWriter.request(16, 0);
        w.putInt(BondKind.IFLA_BOND_MODE, 1);
        w.putInt(BondKind.IFLA_BOND_ARP_INTERVAL, 0);
        w.putInt(BondKind.IFLA_BOND_PRIMARY, 7);
        byte[] b = w.finish("dump").bytes();
        BondSpec s = BOND.decode(io.vlinkd.netlink.wire.Attrs.parse(b, 16, b.length - 16),
                i -> i == 7 ? Optional.of("eth7") : Optional.empty());
        assertThat(s.arpIpTarget()).contains(List.of());
        assertThat(s.mode()).contains("active-backup");
        assertThat(s.primary()).contains("eth7");
    }
}
