package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.6 and 12.10: ports created {@code state: up} in a master. A bond refuses to enslave an up port (EPERM
 * "Device can not be enslaved while up"), a team too; vlinkd creates each port down in its master and then sets it
 * up. bond, team and vrf run in the full-kernel lane (this host's kernel may lack them); bridge runs everywhere.
 */
class PortsOfMastersKernelTest {
    private static final SourceLocation WHERE = new SourceLocation(Path.of("/etc/vlinkd/10-ports.yaml"), 1, 3);

    @TempDir
    Path dir;

    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private static LinkSpec master(String kind) {
        Map<String, Object> options = kind.equals("vrf") ? Map.of("table", 10L) : Map.of();
        return LinkSpec.of("m0", LinkKinds.byName(kind).orElseThrow(), KernelFixture.spec(kind, "m0", options))
                .withState(AdminState.UP);
    }

    private static LinkSpec vethPort(String name, String peer) {
        return LinkSpec.of(name, LinkKinds.byName("veth").orElseThrow(),
                KernelFixture.spec("veth", name, Map.of("peer", peer))).withMaster("m0").withState(AdminState.UP);
    }

    private static DesiredState config(LinkSpec... links) {
        return new DesiredState(java.util.Arrays.stream(links).map(l -> new DesiredLink(l, List.of(), false, WHERE))
                .toList(), List.of(), List.of(), DaemonSettings.defaults(), List.of());
    }

    private static boolean up(JsonNode link) {
        return StreamSupport.stream(link.get("flags").spliterator(), false).anyMatch(f -> f.asText().equals("UP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bond", "team", "vrf", "bridge"})
    void vethPortsCreatedUpAreEnslavedAndUp(String kind) throws Exception {
        TestNamespace ns = kernel.freshNamespace();
        String[] probe = kind.equals("vrf") ? new String[] {"table", "10"} : new String[0];
        Assumptions.assumeTrue(ns.supportsKind(kind, probe),
                "this kernel has no " + kind + ": runs in the full-kernel lane");
        Reconciler r = KernelFixture.reconciler(kernel.open(), new OwnershipStore(dir.resolve("owned")));
        // p0's peer is up too (carrier), p1's is not.
        DesiredState d = config(master(kind), vethPort("p0", "p0x"), vethPort("p1", "p1x"),
                new LinkSpec("p0x", null, null, java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.of(AdminState.UP), java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));

        ApplyResult result = r.apply(d);

        assertThat(result.errors()).isEmpty();
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        for (String port : List.of("p0", "p1")) {
            JsonNode l = ns.link(port);
            assertThat(l.get("master").asText()).as(port + " master").isEqualTo("m0");
            assertThat(up(l)).as(port + " up: " + l).isTrue();
        }
        assertThat(r.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    /**
     * An interface vlinkd did not create (a veth made with {@code ip}, standing for a NIC) that is up, configured
     * with {@code master:} only: a bond or team refuses it while up, so vlinkd sets it down, enslaves it and sets it
     * up again; a bridge or vrf takes it as it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bond", "team", "vrf", "bridge"})
    void anExistingInterfaceThatIsUpJoinsItsMasterAndStaysUp(String kind) throws Exception {
        TestNamespace ns = kernel.freshNamespace();
        String[] probe = kind.equals("vrf") ? new String[] {"table", "10"} : new String[0];
        Assumptions.assumeTrue(ns.supportsKind(kind, probe), "this kernel has no " + kind
                + ": runs in the full-kernel lane");
        ns.ip("link", "add", "nic0", "up", "type", "veth", "peer", "name", "nic0x");
        Reconciler r = KernelFixture.reconciler(kernel.open(), new OwnershipStore(dir.resolve("owned")));
        DesiredState d = config(master(kind), new LinkSpec("nic0", null, null, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of("m0"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty()));

        ApplyResult result = r.apply(d);

        assertThat(result.errors()).isEmpty();
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        JsonNode l = ns.link("nic0");
        assertThat(l.get("master").asText()).isEqualTo("m0");
        assertThat(up(l)).as("nic0 up: " + l).isTrue();
        assertThat(r.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    /**
     * 12.10: a bridge port vlinkd creates up, without carrier (its peer is down), has the STP state that the
     * {@code ip link add ... master br0 up} command vlinkd prints gives it.
     */
    @Test
    void aBridgePortWithoutCarrierHasTheStpStateIpGivesIt() throws Exception {
        TestNamespace ns = kernel.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("bridge") && ns.supportsKind("veth", "peer", "name", "vlt-probe1"),
                "this kernel lacks bridge or veth");
        Reconciler r = KernelFixture.reconciler(kernel.open(), new OwnershipStore(dir.resolve("owned")));
        ApplyResult result = r.apply(config(master("bridge"), vethPort("p0", "p0x")));
        assertThat(result.errors()).isEmpty();
        ns.ip("link", "add", "i0", "master", "m0", "up", "type", "veth", "peer", "name", "i0x");
        Thread.sleep(300);

        JsonNode ports = ns.json("link", "show", "master", "m0");
        String byVlinkd = null;
        String byIp = null;
        for (JsonNode p : ports) {
            String state = p.path("linkinfo").path("info_slave_data").path("state").asText();
            if (p.get("ifname").asText().equals("p0")) {
                byVlinkd = state;
            } else if (p.get("ifname").asText().equals("i0")) {
                byIp = state;
            }
        }
        assertThat(byIp).as("ip's port").isNotEmpty();
        assertThat(byVlinkd).as("vlinkd's port, beside ip's (%s)", byIp).isEqualTo(byIp);
    }
}
