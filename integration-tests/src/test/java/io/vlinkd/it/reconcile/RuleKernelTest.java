package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules:} on the real kernel (issue 16), with packets: source routing. Two uplinks lead to A, which answers
 * at 198.51.100.1, and to B, which does not; the main table goes to B, table 100 to A. With vlinkd's rule "from
 * 10.10.0.1 table 100" a ping from that source reaches A; without it, it does not. Every selector is read back
 * from the kernel's dump as written (a second apply changes nothing), a rule deleted by hand is added again, and
 * someone else's rules and the kernel's defaults are the same after as before ({@code ip -j rule show}).
 */
class RuleKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    /** examples/source-routing.yaml: the uplinks' addresses, the two routes and the source rule. */
    private static String example() throws java.io.IOException {
        return Files.readString(Path.of("../examples/source-routing.yaml"));
    }

    /** The example without its rules: the routes alone. */
    private static String withoutRules() throws java.io.IOException {
        return example().substring(0, example().indexOf("rules:"));
    }

    /** The example with a rule of every selector and action besides. */
    private static final String MORE_RULES = """
              - { priority: 150, iif: lo, fwmark: 0x10, fwmask: 0xff, ipproto: tcp, dport: 443, sport: "1024-65534",
                  uid-range: "1000-1999", suppress-prefixlength: 0, table: 100 }
              - { priority: 160, to: 203.0.113.0/24, tos: 0x10, action: prohibit }
              - { priority: 170, oif: ub, goto: 32766 }
              - { priority: 1000, l3mdev: true }
              - { priority: 100, from: "2001:db8:1::/48", action: unreachable }
            """;

    private static boolean ping(TestNamespace ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ping", "-c", "1", "-W", "2"));
        cmd.addAll(List.of(args));
        return ns.execStatus(cmd.toArray(String[]::new)) == 0;
    }

    /** Every rule of both families that is not vlinkd's (protocol 247), as {@code ip -j rule show} prints it. */
    private static List<String> othersRules(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (JsonNode r : ns.json(family, "rule", "show")) {
                if (!"247".equals(r.path("protocol").asText())) {
                    out.add(family + " " + r);
                }
            }
        }
        return out;
    }

    @Test
    void aSourceRuleSendsItsTrafficThroughItsTableAndOnlyVlinkdsRulesChange() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        try (TestNamespace a = TestNamespace.create(); TestNamespace b = TestNamespace.create()) {
            ns.ip("link", "add", "ua", "type", "veth", "peer", "name", "h0", "netns", a.name());
            ns.ip("link", "add", "ub", "type", "veth", "peer", "name", "h0", "netns", b.name());
            for (String l : List.of("lo", "ua", "ub")) {
                ns.ip("link", "set", l, "up");
            }
            a.ip("addr", "add", "10.0.1.2/24", "dev", "h0");
            a.ip("addr", "add", "198.51.100.1/32", "dev", "lo");
            a.ip("link", "set", "h0", "up");
            a.ip("link", "set", "lo", "up");
            a.ip("route", "add", "10.10.0.0/24", "via", "10.0.1.1");
            b.ip("addr", "add", "10.0.2.2/24", "dev", "h0");
            b.ip("link", "set", "h0", "up");
            ns.ip("rule", "add", "priority", "500", "from", "10.20.0.0/16", "table", "200");
            List<String> others = othersRules(ns);

            NetlinkKernelPort kernel = fixture.open();
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler reconciler = KernelFixture.reconciler(kernel, store);
            assertThat(reconciler.apply(Desired.fromYaml(dir, withoutRules())).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ping(ns, "-I", "10.10.0.1", "198.51.100.1")).as("without the rule: main, to B").isFalse();

            ApplyResult shipped = reconciler.apply(Desired.fromYaml(dir, example()));
            assertThat(shipped.kept()).extracting(Step::ipCommand)
                    .containsExactly("ip rule add priority 100 from 10.10.0.1/32 table 100 proto 247");
            assertThat(ping(ns, "-I", "10.10.0.1", "198.51.100.1")).as("the example: table 100, to A").isTrue();

            String rules = example() + MORE_RULES;
            ApplyResult r = reconciler.apply(Desired.fromYaml(dir, rules));
            assertThat(r.errors()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ping(ns, "-I", "10.10.0.1", "198.51.100.1")).as("from 10.10.0.1: table 100, to A").isTrue();
            assertThat(ping(ns, "198.51.100.1")).as("from another source: main, to B").isFalse();
            assertThat(ns.ip("rule", "show", "priority", "150")).contains("iif lo", "fwmark 0x10/0xff",
                    "ipproto tcp", "sport 1024-65534", "dport 443", "uidrange 1000-1999", "suppress_prefixlength 0",
                    "lookup 100", "proto 247");
            assertThat(reconciler.apply(Desired.fromYaml(dir, rules)).outcome())
                    .as("every rule reads back as configured").isEqualTo(ApplyResult.Outcome.UNCHANGED);
            assertThat(Files.readString(store.file())).contains("\nrule priority=100,from=10.10.0.1/32,table=100\n");

            ns.ip("rule", "del", "priority", "100", "from", "10.10.0.1");
            ApplyResult repaired = reconciler.apply(Desired.fromYaml(dir, rules));
            assertThat(repaired.kept()).extracting(Step::ipCommand)
                    .containsExactly("ip rule add priority 100 from 10.10.0.1/32 table 100 proto 247");
            assertThat(ping(ns, "-I", "10.10.0.1", "198.51.100.1")).isTrue();

            ApplyResult gone = reconciler.apply(Desired.fromYaml(dir, withoutRules()));
            assertThat(gone.kept()).hasSize(6);
            assertThat(ping(ns, "-I", "10.10.0.1", "198.51.100.1")).as("the rule deleted").isFalse();
            assertThat(othersRules(ns)).as("the kernel's defaults and someone else's rule").isEqualTo(others);
            assertThat(Files.readString(store.file())).doesNotContain("\nrule ");
        }
    }
}
