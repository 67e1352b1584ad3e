package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.link.LinkRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone else changes another interface while an apply runs: that is drift of its own, repaired by the next
 * reconcile; the apply verifies what it wrote and keeps it. (Found with bench/daemon/drift.sh: a drift repair of
 * one bridge was reverted because the benchmark deleted another while the repair verified.)
 */
class ConcurrentDriftTest {
    @TempDir
    Path dir;

    @Test
    void anotherInterfaceChangedDuringAnApplyDoesNotFailItsVerification() throws Exception {
        FakeKernel kernel = new FakeKernel(TestKind::byName);
        DesiredState two = config().link(bridge("br0")).link(bridge("br1")).build();
        DesiredState three = config().link(bridge("br0")).link(bridge("br1")).link(bridge("br2")).build();
        Reconciler first = new Reconciler(kernel, new OwnershipStore(dir.resolve("owned")), new Planner(), 1,
                Duration.ZERO);
        assertThat(first.apply(two).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

        // The port deletes br1 behind the apply's back right after the apply's own writes.
        KernelPort meddling = new KernelPort() {
            private boolean done;

            @Override
            public ObservedState observe() {
                return kernel.observe();
            }

            @Override
            public List<WriteResult> execute(List<Write> wave) {
                List<WriteResult> results = kernel.execute(wave);
                if (!done) {
                    done = true;
                    int br1 = kernel.observe().link("br1").orElseThrow().index();
                    kernel.apply(List.of(LinkRequests.delete(br1, "br1")));
                }
                return results;
            }

            @Override
            public int netnsFd(String netns) throws KernelException {
                return kernel.netnsFd(netns);
            }
        };
        Reconciler r = new Reconciler(meddling, new OwnershipStore(dir.resolve("owned")), new Planner(), 3,
                Duration.ZERO);
        ApplyResult applied = r.apply(three);

        assertThat(applied.outcome()).as("%s", applied.errors()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("br2")).as("what the apply wrote stays").isPresent();
        assertThat(kernel.observe().link("br1")).as("repaired by the next reconcile, not this one").isEmpty();
        assertThat(r.apply(three).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("br1")).isPresent();
    }
}
