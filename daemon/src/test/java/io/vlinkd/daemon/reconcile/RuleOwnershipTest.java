package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.rule.ObservedRule;
import io.vlinkd.daemon.resource.rule.RuleType;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.route.RuleRequests;
import io.vlinkd.netlink.route.RuleSpec;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code rules:} through the whole reconciler: added with vlinkd's protocol and recorded, left alone when unchanged,
 * a changed rule added anew and the old one deleted, deleted when it leaves the config; the kernel's default rules
 * and someone else's stay; a failed apply puts every rule back. The real kernel, with packets: RuleKernelTest.
 */
class RuleOwnershipTest extends OverFakeKernel {

    @Override
    Function<String, Optional<LinkKind<?>>> kinds() {
        return LinkKinds::byName;
    }

    private static final String TWO = """
            rules:
              - { priority: 100, from: 10.1.0.0/16, table: 100 }
              - { priority: 200, to: 10.9.0.0/16, action: blackhole }
              - { priority: 100, from: "2001:db8::/32", table: 100 }
            """;

    /** Each rule as {@code ip rule} shows it, with its protocol. */
    private List<String> rules() {
        return kernel.observe().objects(RuleType.TYPE).stream().map(r -> r.rule() + " proto " + r.protocol())
                .toList();
    }

    @Test
    void addsKeepsChangesAndDeletesItsRulesAndNoOneElses() throws Exception {
        List<String> defaults = rules();
        ApplyResult first = reconciler.apply(config(TWO));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(first.kept()).extracting(Step::ipCommand).containsExactly(
                "ip rule add priority 100 from 10.1.0.0/16 table 100 proto 247",
                "ip rule add priority 200 to 10.9.0.0/16 blackhole proto 247",
                "ip -6 rule add priority 100 from 2001:db8::/32 table 100 proto 247");
        assertThat(rules()).contains("priority 100 from 10.1.0.0/16 table 100 proto 247",
                "-6 priority 100 from 2001:db8::/32 table 100 proto 247");
        assertThat(Files.readString(store.file())).contains("\nrule priority=100,from=10.1.0.0/16,table=100\n",
                "\nrule family=inet6,priority=100,from=2001:db8::/32,table=100\n");

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(TWO)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        ApplyResult changed = reconciler.apply(config(TWO.replace("from: 10.1.0.0/16, table: 100",
                "from: 10.1.0.0/16, table: 101")));
        assertThat(changed.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                "ip rule del priority 100 from 10.1.0.0/16 table 100 proto 247",
                "ip rule add priority 100 from 10.1.0.0/16 table 101 proto 247");

        // Someone else's rule (protocol boot) stays when vlinkd's go; so do the kernel's defaults.
        RuleSpec theirs = Desired.fromYaml(dir, "rules: [{ priority: 300, fwmark: 7, table: 7 }]").rules().get(0)
                .rule();
        kernel.apply(List.of(RuleRequests.add(theirs, 3)));
        ApplyResult none = reconciler.apply(config("interfaces: []\n"));
        assertThat(none.kept()).hasSize(3);
        List<String> left = new java.util.ArrayList<>(defaults);
        left.add(theirs + " proto 3");
        assertThat(rules()).containsExactlyInAnyOrderElementsOf(left);
        assertThat(Files.readString(store.file())).doesNotContain("\nrule ");
    }

    @Test
    void aListedRuleWithItsProtocolIsClaimedAndAFailedApplyPutsEveryRuleBack() throws Exception {
        RuleSpec listed = Desired.fromYaml(dir, TWO).rules().get(0).rule();
        kernel.apply(List.of(RuleRequests.add(listed, 247)));
        reconciler.apply(config(TWO));
        assertThat(Files.readString(store.file())).contains("\nrule priority=100,from=10.1.0.0/16,table=100\n");
        List<String> before = rules();

        kernel.failWrite(2, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config("""
                rules:
                  - { priority: 100, from: 10.1.0.0/16, table: 102 }
                  - { priority: 110, iif: lo, ipproto: tcp, dport: 443, table: 102 }
                """));
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(rules()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(kernel.observe().objects(RuleType.TYPE)).extracting(ObservedRule::protocol).contains(247);
    }
}
