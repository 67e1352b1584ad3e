package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.CountingPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconciler with the real kinds of {@link LinkKinds} (bridge, veth) against this kernel: what the daemon runs.
 * Checks that a kind's decode of a dump compares equal to what it encoded, so a second apply writes nothing.
 */
class RealKindsReconcileTest {
    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private TestNamespace ns;

    @BeforeEach
    void freshNamespace() throws Exception {
        ns = kernel.freshNamespace();
        Assumptions.assumeTrue(LinkKinds.byName("veth").isPresent() && LinkKinds.byName("bridge").isPresent(),
                "the veth and bridge kinds are not registered in this build");
    }

    private static KindSpec spec(String kind, Map<String, Object> options) {
        return KernelFixture.spec(kind, "x", options);
    }

    @Test
    void aSecondApplyWithTheRealKindsWritesNothing() throws Exception {
        SourceLocation where = new SourceLocation(Path.of("/etc/vlinkd/10.yaml"), 1, 3);
        List<DesiredLink> links = new ArrayList<>();
        links.add(new DesiredLink(LinkSpec.of("br0", LinkKinds.byName("bridge").get(), spec("bridge", Map.of()))
                .withState(AdminState.UP), List.of(), false, where));
        links.add(new DesiredLink(LinkSpec.of("v0", LinkKinds.byName("veth").get(),
                spec("veth", Map.of("peer", "v0p"))).withMaster("br0").withState(AdminState.UP).withMtu(1400),
                List.of(), false, where));
        DesiredState d = new DesiredState(links, List.of(), List.of(), DaemonSettings.defaults(), List.of());
        CountingPort counting = new CountingPort(kernel.open());
        Reconciler r = kernel.reconciler(counting);

        ApplyResult first = r.apply(d);
        assertThat(first.errors()).isEmpty();
        assertThat(ns.link("v0").get("master").asText()).isEqualTo("br0");
        assertThat(ns.link("v0p")).isNotNull();
        int writes = counting.writes();

        ApplyResult again = r.apply(d);

        assertThat(again.outcome()).as("%s", again.plan().toIpCommands()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(counting.writes()).isEqualTo(writes);
    }
}
