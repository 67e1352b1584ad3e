package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.config.DesiredState;
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
 * {@code neighbours:} on the real kernel (issue 15): vlinkd's permanent entries carry traffic to a host that answers
 * no ARP, take the place of the entry ARP left (FAILED), are marked (NDA_PROTOCOL) and recorded, changed in place,
 * deleted when they leave the config, re-added after the interface was set down by someone (which flushes them),
 * while someone else's permanent entry stays. {@code ip -j neigh} is the oracle.
 */
class NeighbourKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    private DesiredState config(String neighbours) throws Exception {
        return Desired.fromYaml(dir, "interfaces:\n  - name: v0\n    state: up\n    addresses: [192.0.2.1/24]\n"
                + (neighbours == null ? "" : "    neighbours: " + neighbours + "\n"));
    }

    /** The entries on v0 as {@code ADDRESS LLADDR STATE proto P} ({@code ip -j neigh show dev v0}). */
    private static List<String> entries(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : ns.json("neigh", "show", "dev", "v0")) {
            List<String> states = new ArrayList<>();
            n.path("state").forEach(s -> states.add(s.asText()));
            out.add(n.get("dst").asText() + " " + n.path("lladdr").asText("-") + " " + String.join(",", states)
                    + " proto " + n.path("protocol").asText("0"));
        }
        return out;
    }

    private static List<String> permanent(TestNamespace ns) {
        return entries(ns).stream().filter(e -> e.contains(" PERMANENT ")).sorted().toList();
    }

    @Test
    void permanentEntriesCarryTrafficAreMarkedChangedInPlaceRepairedAndDeletedAlone() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        try (TestNamespace far = TestNamespace.create()) {
            // v0 here, v1 in another namespace with 192.0.2.2, answering no ARP request (arp_ignore 8): only a
            // permanent entry on v0 lets a packet reach it.
            ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", far.name());
            far.ip("addr", "add", "192.0.2.2/24", "dev", "v1");
            assertThat(far.execStatus("sysctl", "-qw", "net.ipv4.conf.v1.arp_ignore=8")).isZero();
            far.ip("link", "set", "v1", "up");
            String mac = far.link("v1").get("address").asText();
            NetlinkKernelPort port = fixture.open();
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler reconciler = KernelFixture.reconciler(port, store);

            assertThat(reconciler.apply(config(null)).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ns.execStatus("ping", "-c", "1", "-W", "1", "192.0.2.2")).isNotZero();
            assertThat(entries(ns)).anyMatch(e -> e.startsWith("192.0.2.2 ") && !e.contains("PERMANENT"));
            ns.ip("neigh", "add", "192.0.2.9", "lladdr", "02:00:00:00:00:99", "dev", "v0", "nud", "permanent");

            String two = "[{ address: 192.0.2.2, mac: \"" + mac + "\" }, { address: \"2001:db8::2\", mac: \""
                    + mac + "\" }]";
            ApplyResult added = reconciler.apply(config(two));
            assertThat(added.errors()).isEmpty();
            assertThat(added.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(permanent(ns)).containsExactly("192.0.2.2 " + mac + " PERMANENT proto 247",
                    "192.0.2.9 02:00:00:00:00:99 PERMANENT proto 0", "2001:db8::2 " + mac + " PERMANENT proto 247");
            assertThat(ns.execStatus("ping", "-c", "1", "-W", "2", "192.0.2.2")).isZero();
            assertThat(Files.readString(store.file())).contains(" 192.0.2.2\n", " 2001:db8::2\n");
            assertThat(reconciler.apply(config(two)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);

            // A changed MAC is replaced in place; the entry that left the config is deleted; 192.0.2.9 stays.
            ApplyResult changed = reconciler.apply(config("[{ address: 192.0.2.2, mac: \"02:00:00:00:00:22\" }]"));
            assertThat(changed.kept()).extracting(Step::operation).containsExactlyInAnyOrder(
                    "delete neighbour 2001:db8::2", "replace neighbour 192.0.2.2");
            assertThat(permanent(ns)).containsExactly("192.0.2.2 02:00:00:00:00:22 PERMANENT proto 247",
                    "192.0.2.9 02:00:00:00:00:99 PERMANENT proto 0");

            // Someone sets v0 down: the kernel flushes every entry, permanent ones too; a reconcile puts it up and
            // adds vlinkd's entry again (someone else's is gone for good: the kernel removed it, not vlinkd).
            ns.ip("link", "set", "v0", "down");
            assertThat(permanent(ns)).isEmpty();
            assertThat(reconciler.apply(config("[{ address: 192.0.2.2, mac: \"" + mac + "\" }]")).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(permanent(ns)).containsExactly("192.0.2.2 " + mac + " PERMANENT proto 247");
            assertThat(ns.execStatus("ping", "-c", "1", "-W", "2", "192.0.2.2")).isZero();

            // A proxy entry: a table of its own, beside the entry of the same address.
            String withProxy = "[{ address: 192.0.2.2, mac: \"" + mac + "\" }, { address: 192.0.2.2, proxy: true }]";
            assertThat(reconciler.apply(config(withProxy)).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ns.json("neigh", "show", "proxy", "dev", "v0").toString())
                    .contains("\"dst\":\"192.0.2.2\"", "\"protocol\":\"247\"");
            assertThat(reconciler.apply(config(withProxy)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);

            ns.ip("neigh", "add", "192.0.2.9", "lladdr", "02:00:00:00:00:99", "dev", "v0", "nud", "permanent",
                    "proto", "247");
            assertThat(reconciler.apply(config(null)).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            // Its own entries are deleted; one with its number that the ledger does not record is not vlinkd's.
            assertThat(permanent(ns)).containsExactly("192.0.2.9 02:00:00:00:00:99 PERMANENT proto 247");
            assertThat(ns.json("neigh", "show", "proxy", "dev", "v0")).isEmpty();
            assertThat(Files.readString(store.file())).doesNotContain("\nneighbour ");
        }
    }
}
