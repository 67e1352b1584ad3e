package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mdb:} on the real kernel (issue 15): a bridge's permanent entries (IPv4, IPv6, one in a VLAN) are
 * added after the port joins, recorded, left alone, deleted one by one when they leave the config, while an entry
 * someone else added stays. {@code bridge -j mdb} is the oracle.
 */
class MdbKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    private static String yaml(String... entries) {
        return "interfaces:\n  - name: br0\n    kind: bridge\n"
                + (entries.length == 0 ? "" : "    mdb: [" + String.join(", ", entries) + "]\n")
                + "  - name: p1\n    kind: veth\n    veth: { peer: h1 }\n    master: br0\n";
    }

    /** The permanent entries as {@code PORT GROUP [vid V] STATE}, sorted (the bridge's own host entries are not). */
    private static List<String> entries(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (JsonNode bridge : ns.bridgeJson("mdb", "show")) {
            for (JsonNode e : bridge.path("mdb")) {
                if (!e.get("state").asText().equals("permanent")) {
                    continue;
                }
                out.add(e.get("port").asText() + " " + e.get("grp").asText()
                        + (e.has("vid") ? " vid " + e.get("vid").asInt() : "") + " " + e.get("state").asText());
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void addsKeepsAndDeletesItsOwnEntriesAndLeavesOthersAlone() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("bridge"), "this kernel lacks bridge");
        Reconciler reconciler = KernelFixture.reconciler(fixture.open(), new OwnershipStore(dir.resolve("owned")));
        String port = "{ port: p1, group: 239.1.1.1 }";
        String v6 = "{ port: p1, group: \"ff0e::5\" }";
        String vlan = "{ port: p1, group: 239.1.1.2, vlan: 5 }";

        ApplyResult r = reconciler.apply(Desired.fromYaml(dir, yaml(port, v6, vlan)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(entries(ns)).containsExactly("p1 239.1.1.1 permanent", "p1 239.1.1.2 vid 5 permanent",
                "p1 ff0e::5 permanent");
        assertThat(Files.readString(dir.resolve("owned"))).contains("\nmdb br0 ", " p1 239.1.1.2 5\n",
                " p1 ff0e::5 -\n");
        assertThat(reconciler.apply(Desired.fromYaml(dir, yaml(port, v6, vlan))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);

        assertThat(ns.execStatus("bridge", "mdb", "add", "dev", "br0", "port", "p1", "grp", "239.1.1.9",
                "permanent")).isZero();
        ApplyResult less = reconciler.apply(Desired.fromYaml(dir, yaml(port)));
        assertThat(less.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                "bridge mdb del dev br0 port p1 grp ff0e::5", "bridge mdb del dev br0 port p1 grp 239.1.1.2 vid 5");
        assertThat(entries(ns)).containsExactly("p1 239.1.1.1 permanent", "p1 239.1.1.9 permanent");

        reconciler.apply(Desired.fromYaml(dir, yaml()));
        assertThat(entries(ns)).containsExactly("p1 239.1.1.9 permanent");
        assertThat(Files.readString(dir.resolve("owned"))).doesNotContain("\nmdb ");
    }
}
