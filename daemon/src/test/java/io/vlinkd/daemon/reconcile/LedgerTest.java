package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static io.vlinkd.daemon.reconcile.ReconcileChecks.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.LinkIntent;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.link.AdminState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger under crashes, damage and foreign namesakes: write-ahead intents, their resolution at the next start,
 * a damaged file, and {@code adopt: true}.
 */
class LedgerTest {
    @TempDir
    Path dir;

    FakeKernel kernel;
    OwnershipStore store;

    @BeforeEach
    void setUp() {
        kernel = new FakeKernel(TestKind::byName);
        store = new OwnershipStore(dir.resolve("owned"));
    }

    private Reconciler reconciler(KernelPort port) {
        return new Reconciler(port, store, new Planner(), 2, Duration.ZERO);
    }

    /** The process "dies" right after the kernel carried out the n-th batch of writes (kill -9 after sendmsg). */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static KernelPort dyingAfter(KernelPort inner, int batches) {
        return new KernelPort() {
            int left = batches;

            @Override
            public ObservedState observe() throws KernelException {
                return inner.observe();
            }

            @Override
            public List<WriteResult> execute(List<Write> wave) throws KernelException {
                List<WriteResult> r = inner.execute(wave);
                if (--left == 0) {
                    throw new Crash();
                }
                return r;
            }

            @Override
            public int netnsFd(String netns) throws KernelException {
                return inner.netnsFd(netns);
            }
        };
    }

    @Test
    void linksACrashedApplyCreatedAreOwnedAfterTheRestartAndDeletedWhenTheyLeaveTheConfig() throws Exception {
        kernel.addForeignLink("foreign0", "bridge", TestKind.BRIDGE.spec(), true);
        DesiredState d = config().link(bridge("br0").withState(AdminState.UP))
                .link(veth("v0", "v0p").withMaster("br0")).build();

        // The bridge first, then the veth pair (a port of it): the crash comes after the pair's wave.
        assertThatThrownBy(() -> reconciler(dyingAfter(kernel, 2)).apply(d)).isInstanceOf(Crash.class);
        assertThat(kernel.observe().links()).extracting(ObservedLink::name)
                .containsExactlyInAnyOrder("lo", "foreign0", "br0", "v0", "v0p");
        assertThat(store.read().ownership().intents()).extracting(LinkIntent::name).contains("v0", "v0p");
        assertThat(store.read().ownership().links()).extracting(OwnedLink::name)
                .as("the first wave's link, recorded by index before the second wave").containsExactly("br0");

        Reconciler restarted = reconciler(kernel);
        ApplyResult again = restarted.apply(d);
        assertThat(again.errors()).isEmpty();
        assertThat(again.outcome()).as("the crashed run had sent every wave").isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(store.load().intents()).isEmpty();
        assertThat(store.load().owns("br0", link(kernel, "br0").index())).isTrue();
        assertThat(store.load().owns("v0p", link(kernel, "v0p").index())).isTrue();

        assertThat(restarted.apply(DesiredState.empty()).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().links()).extracting(ObservedLink::name).containsExactly("lo", "foreign0");
    }

    @Test
    void anIntentNeverClaimsANamesakeThatExistedBeforeIt() throws Exception {
        int foreign = kernel.addForeignLink("br0", "bridge", TestKind.BRIDGE.spec(), false);
        store.save(Ownership.none().withIntent(new LinkIntent("br0", "bridge", foreign)));

        ApplyResult r = reconciler(kernel).apply(DesiredState.empty());

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.observe().link("br0")).isPresent();
        assertThat(store.load()).isEqualTo(Ownership.none());
    }

    @Test
    void anIntentNeverClaimsANamesakeOfAnotherKind() {
        ObservedState now = new ObservedState(List.of(new ObservedLink(9, "br0", "vxlan", null, null, 1500, null,
                false, 0, 0, null, 1000, 2, -1)), List.of(), List.of());
        WriteAhead.Resolution r = WriteAhead.resolve(
                Ownership.none().withIntent(new LinkIntent("br0", "bridge", 3)), now);
        assertThat(r.ownership()).isEqualTo(Ownership.none());
        assertThat(r.notes()).singleElement().asString().contains("not vlinkd's");
        assertThat(r.summary()).startsWith("1 link(s) were being created when vlinkd stopped; none was created");
    }

    @Test
    void aDamagedLedgerIsReportedKeptAndRebuiltAndDeletesNothing() throws Exception {
        Reconciler r = reconciler(kernel);
        r.apply(config().link(bridge("br0")).link(bridge("br1")).build());
        int br0 = link(kernel, "br0").index();
        String text = Files.readString(store.file());
        // Cut short in the middle of br1's line, as a full disk would leave it.
        Files.writeString(store.file(), text.substring(0, text.indexOf("bridge", text.indexOf("br1")) + 5));

        ApplyResult after = r.apply(DesiredState.empty());

        assertThat(after.errors()).isEmpty();
        assertThat(kernel.observe().link("br0")).as("still owned: its line was intact, so it left with the config")
                .isEmpty();
        assertThat(kernel.observe().link("br1")).as("no longer owned: never deleted because of damage").isPresent();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("owned.damaged-"));
        }
        assertThat(store.read().damaged()).as("rewritten: the damage is said once").isFalse();
        assertThat(br0).isPositive();
    }

    @Test
    void aBinaryLedgerDoesNotStopTheApply() throws Exception {
        Files.write(store.file(), new byte[] {(byte) 0xff, 0, 1, (byte) 0xfe, 10});
        ApplyResult r = reconciler(kernel).apply(config().link(bridge("br0")).build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(store.load().get("br0")).isPresent();
    }

    @Test
    void aForeignLinkOfTheConfiguredNameAndKindIsRefusedUnlessAdopted() throws Exception {
        int idx = kernel.addForeignLink("br0", "bridge", TestKind.BRIDGE.spec(), true);
        int writes = kernel.writes();

        ApplyResult refused = reconciler(kernel).apply(config().link(bridge("br0").withMtu(1400)).build());

        assertThat(refused.outcome()).isEqualTo(ApplyResult.Outcome.REFUSED);
        assertThat(refused.errors().get(0).toString()).contains("br0").contains("exists as a bridge")
                .contains("did not create").contains("adopt: true").contains("test.yaml:1:5");
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(link(kernel, "br0").mtu()).isEqualTo(1500);

        ApplyResult adopted = reconciler(kernel).apply(config().adopt(bridge("br0").withMtu(1400)).build());
        assertThat(adopted.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "br0").mtu()).isEqualTo(1400);
        assertThat(store.load().get("br0")).contains(new OwnedLink("br0", idx, "bridge"));

        assertThat(reconciler(kernel).apply(DesiredState.empty()).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("br0")).as("adopted, so deleted when it left the config").isEmpty();
    }

    @Test
    void anAdoptedLinkThatAlreadyMatchesIsOwnedWithoutAWrite() throws Exception {
        kernel.addForeignLink("br0", "bridge", TestKind.BRIDGE.spec(), false);
        int writes = kernel.writes();
        ApplyResult r = reconciler(kernel).apply(config().adopt(bridge("br0")).build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(store.load().get("br0")).isPresent();
    }

    @Test
    void anEntryWithoutKindConfiguresAForeignLinkAndNeverOwnsIt() throws Exception {
        kernel.addForeignLink("eth0", null, null, true);
        io.vlinkd.netlink.link.LinkSpec eth0 = new io.vlinkd.netlink.link.LinkSpec("eth0", null, null,
                java.util.Optional.of(1400), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
        ApplyResult r = reconciler(kernel).apply(config().link(eth0).build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "eth0").mtu()).isEqualTo(1400);
        assertThat(store.load().get("eth0")).isEmpty();
        reconciler(kernel).apply(DesiredState.empty());
        assertThat(kernel.observe().link("eth0")).isPresent();
    }
}
