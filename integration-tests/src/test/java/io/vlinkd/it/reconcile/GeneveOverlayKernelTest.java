package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * geneve with packets (issue 17; this machine's kernel has no geneve: the full-kernel lane):
 * examples/geneve-overlay.yaml applied against a VTEP made with {@code ip} in another namespace pings across, and
 * reads back as configured.
 */
class GeneveOverlayKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    @Test
    void theExampleOverlayCarriesPackets() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind("geneve", "id", "1", "remote", "192.0.2.254"),
                "this kernel has no geneve: runs in the full-kernel lane");
        try (TestNamespace far = TestNamespace.create()) {
            ns.ip("link", "add", "u0", "type", "veth", "peer", "name", "u1", "netns", far.name());
            ns.ip("addr", "add", "10.0.9.1/24", "dev", "u0");
            ns.ip("link", "set", "u0", "up");
            far.ip("addr", "add", "10.0.9.2/24", "dev", "u1");
            far.ip("link", "set", "u1", "up");
            far.ip("link", "add", "gnv0", "type", "geneve", "id", "42", "remote", "10.0.9.1");
            far.ip("addr", "add", "192.168.9.2/24", "dev", "gnv0");
            far.ip("link", "set", "gnv0", "up");

            NetlinkKernelPort kernel = fixture.open();
            Reconciler reconciler = KernelFixture.reconciler(kernel, new OwnershipStore(dir.resolve("owned")));
            String example = Files.readString(Path.of("../examples/geneve-overlay.yaml"));
            ApplyResult r = reconciler.apply(Desired.fromYaml(dir, example));
            assertThat(r.errors()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ns.execStatus("ping", "-c", "1", "-W", "2", "192.168.9.2")).as("across the overlay")
                    .isZero();
            assertThat(reconciler.apply(Desired.fromYaml(dir, example)).outcome())
                    .as("the dump reads back as configured").isEqualTo(ApplyResult.Outcome.UNCHANGED);
        }
    }
}
