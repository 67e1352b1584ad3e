package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interfaces in named namespaces ({@code netns:}) and pairs whose peer goes to one, over in-memory kernels. */
class NamespacedReconcilerTest {
    @TempDir
    Path dir;

    FakeKernel host;
    FakeKernel blue;
    OwnershipStore store;
    NamespacedReconciler reconciler;
    final Map<String, FakeKernel> namespaces = new LinkedHashMap<>();
    int opened;

    @BeforeEach
    void setUp() {
        host = new FakeKernel();
        blue = new FakeKernel();
        host.addNamespace("blue", blue);
        namespaces.put("blue", blue);
        store = new OwnershipStore(dir.resolve("owned"));
        reconciler = new NamespacedReconciler(reconciler(host, store), store, null,
                new NamespacedReconciler.Namespaces() {
                    @Override
                    public boolean exists(String netns) {
                        return namespaces.containsKey(netns);
                    }

                    @Override
                    public NamespacedReconciler.Opened open(String netns) {
                        opened++;
                        return new NamespacedReconciler.Opened(namespaces.get(netns), () -> { });
                    }
                }, NamespacedReconcilerTest::reconciler);
    }

    private static Reconciler reconciler(KernelPort port, OwnershipStore store) {
        return new Reconciler(port, store, new Planner(), 2, Duration.ZERO);
    }

    private DesiredState config(String yaml) throws IOException {
        return Desired.fromYaml(dir, yaml);
    }

    private static ObservedLink link(FakeKernel k, String name) {
        return k.observe().link(name).orElseThrow(() -> new AssertionError("no " + name));
    }

    /** Applies d and checks that no step failed. */
    private NamespacedResult appliedWithoutErrors(DesiredState d) throws KernelException, IOException {
        NamespacedResult r = reconciler.apply(d);
        assertThat(r.combined().errors()).isEmpty();
        return r;
    }

    /** r is APPLIED and put name in blue, not in the daemon's namespace; name as blue sees it. */
    private ObservedLink appliedInBlueOnly(NamespacedResult r, String name) {
        assertThat(r.combined().outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(host.observe().link(name)).isEmpty();
        return link(blue, name);
    }

    /** Applying d once more is UNCHANGED and writes nothing in either namespace. */
    private void assertReapplyWritesNothing(DesiredState d) throws KernelException, IOException {
        int writes = host.writes() + blue.writes();
        assertThat(reconciler.apply(d).combined().outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(host.writes() + blue.writes()).isEqualTo(writes);
    }

    /** A first apply puts br-b, a bridge, in blue. */
    private void brBCreatedInBlue() throws KernelException, IOException {
        reconciler.apply(config("""
                interfaces:
                  - name: br-b
                    kind: bridge
                    netns: blue
                """));
        assertThat(blue.observe().link("br-b")).isPresent();
    }

    @Test
    void aLinkInANamedNamespaceIsCreatedObservedAndVerifiedThereAndRecordedWithItsNamespace() throws Exception {
        DesiredState d = config("""
                interfaces:
                  - name: br-b
                    kind: bridge
                    netns: blue
                    mtu: 1400
                    addresses: [192.0.2.1/24]
                """);
        NamespacedResult r = appliedWithoutErrors(d);

        ObservedLink b = appliedInBlueOnly(r, "br-b");
        assertThat(b.mtu()).isEqualTo(1400);
        assertThat(blue.observe().addressesOf(b.index())).hasSize(1);
        assertThat(store.load().links()).isEmpty();
        assertThat(store.inNetns("blue").load().links()).containsExactly(new OwnedLink("br-b", b.index(), "bridge"));
        assertThat(Files.readAllLines(dir.resolve("owned"))).contains("link br-b " + b.index() + " bridge netns=blue");
        assertThat(r.kept()).extracting(NamespacedStep::ipCommand).first().asString()
                .startsWith("ip -n blue link add br-b");

        assertReapplyWritesNothing(d);
    }

    @Test
    void anOwnedLinkThatLeftTheConfigIsDeletedInTheNamespaceItLivesIn() throws Exception {
        brBCreatedInBlue();

        NamespacedResult r = reconciler.apply(config("interfaces: []\n"));

        assertThat(r.combined().outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(blue.observe().link("br-b")).isEmpty();
        assertThat(store.inNetns("blue").load().links()).isEmpty();
        assertThat(store.namespaces()).isEmpty();
    }

    @Test
    void aLinkWhoseNetnsChangesIsDeletedWhereItWasAndCreatedWhereTheConfigNowPutsIt() throws Exception {
        brBCreatedInBlue();

        NamespacedResult r = reconciler.apply(config("""
                interfaces:
                  - name: br-b
                    kind: bridge
                """));

        assertThat(r.combined().outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(blue.observe().link("br-b")).isEmpty();
        ObservedLink b = link(host, "br-b");
        assertThat(store.load().links()).containsExactly(new OwnedLink("br-b", b.index(), "bridge"));
        assertThat(store.inNetns("blue").load().links()).isEmpty();
        // Planned and logged as the two steps it is: one in each namespace.
        assertThat(r.kept()).extracting(NamespacedStep::ipCommand).anySatisfy(c -> assertThat(c)
                .startsWith("ip link add br-b")).anySatisfy(c -> assertThat(c).startsWith("ip -n blue link del br-b"));
    }

    @Test
    void aFailureInALaterNamespaceRevertsTheNamespacesAppliedBeforeIt() throws Exception {
        DesiredState d = config("""
                interfaces:
                  - name: br-h
                    kind: bridge
                  - name: br-b
                    kind: bridge
                    netns: blue
                    addresses: [192.0.2.1/24]
                """);
        ObservedState.Snapshot hostBefore = host.observe().snapshot();
        blue.failWrite(2, Errno.EINVAL, "injected");

        NamespacedResult r = reconciler.apply(d);

        assertThat(r.combined().outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.combined().errors()).first().asString().contains("in netns blue: ").contains("injected");
        assertThat(host.observe().snapshot()).isEqualTo(hostBefore);
        assertThat(blue.observe().link("br-b")).isEmpty();
        assertThat(store.load().links()).isEmpty();
        assertThat(store.namespaces()).isEmpty();
    }

    @Test
    void aVethPeersEntryIsAppliedInThePeersNamespace() throws Exception {
        DesiredState d = config("""
                interfaces:
                  - name: veth-blue
                    kind: veth
                    veth: { peer: eth0-blue, peer-netns: blue }
                    state: up
                    addresses: [10.0.10.1/30]
                  - name: eth0-blue
                    netns: blue
                    state: up
                    mtu: 1400
                    addresses: [10.0.10.2/30]
                """);
        NamespacedResult r = appliedWithoutErrors(d);

        ObservedLink peer = appliedInBlueOnly(r, "eth0-blue");
        assertThat(peer.up()).isTrue();
        assertThat(peer.mtu()).isEqualTo(1400);
        assertThat(blue.observe().addressesOf(peer.index())).hasSize(1);
        assertThat(r.kept()).extracting(NamespacedStep::ipCommand)
                .contains("ip link add veth-blue up type veth peer name eth0-blue netns blue",
                        "ip -n blue link set dev eth0-blue up",
                        "ip -n blue addr add 10.0.10.2/30 dev eth0-blue proto 247");

        assertReapplyWritesNothing(d);
    }

    @Test
    void aFailureOnThePeerRevertsThePairInTheCreatorsNamespace() throws Exception {
        DesiredState d = config("""
                interfaces:
                  - name: veth-blue
                    kind: veth
                    veth: { peer: eth0-blue, peer-netns: blue }
                  - name: eth0-blue
                    netns: blue
                    addresses: [10.0.10.2/30]
                """);
        blue.failWrite(1, Errno.EADDRNOTAVAIL, "injected");

        NamespacedResult r = reconciler.apply(d);

        assertThat(r.combined().outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(host.observe().link("veth-blue")).isEmpty();
        assertThat(blue.observe().link("eth0-blue")).as("deleted with its pair").isEmpty();
        assertThat(store.load().links()).isEmpty();
    }

    @Test
    void aPlanShowsEachNamespacesStepsAsIpDashN() throws Exception {
        NamespacedPlan plan = reconciler.plan(config("""
                interfaces:
                  - name: br-b
                    kind: bridge
                    netns: blue
                """));
        assertThat(plan.steps()).extracting(NamespacedStep::ipCommand)
                .containsExactly("ip -n blue link add br-b up type bridge");
        assertThat(blue.writes()).isZero();
        assertThat(opened).isEqualTo(1);
    }

    @Test
    void aConfigInTheOwnNamespaceOnlyNeverOpensAnotherNamespace() throws Exception {
        reconciler.apply(config("interfaces: [{name: br0, kind: bridge}]\n"));
        assertThat(opened).isZero();
        assertThat(host.observe().link("br0")).isPresent();
    }

    @Test
    void aRecordedNamespaceThatIsGoneIsForgotten() throws Exception {
        reconciler.apply(config("interfaces: [{name: br-b, kind: bridge, netns: blue}]\n"));
        namespaces.remove("blue");

        NamespacedResult r = reconciler.apply(config("interfaces: []\n"));

        assertThat(r.combined().succeeded()).isTrue();
        assertThat(store.namespaces()).isEmpty();
        assertThat(List.copyOf(store.load().links())).isEmpty();
    }

    @Test
    void aPeerNetnsWithoutAnEntryThereNeedsNoPortInsideIt() throws Exception {
        NamespacedResult r = reconciler.apply(config("""
                interfaces:
                  - name: v0
                    kind: veth
                    veth: { peer: v0p, peer-netns: blue }
                """));
        assertThat(r.combined().outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(blue.observe().link("v0p")).isPresent();
        assertThat(opened).as("IFLA_NET_NS_FD only: no socket inside blue").isZero();
    }

    @Test
    void theNamespaceThatCreatesAPairGoesBeforeTheOneThatConfiguresItsPeer() throws Exception {
        FakeKernel red = new FakeKernel();
        red.addNamespace("blue", blue);
        namespaces.put("red", red);
        // "blue" sorts before "red", but red creates the pair whose peer blue configures.
        DesiredState d = config("""
                interfaces:
                  - name: v0
                    kind: veth
                    netns: red
                    veth: { peer: v0p, peer-netns: blue }
                  - name: v0p
                    netns: blue
                    mtu: 1300
                """);
        NamespacedResult r = appliedWithoutErrors(d);

        assertThat(r.parts()).extracting(NamespacedResult.Part::netns).containsExactly(null, "red", "blue");
        assertThat(link(red, "v0").linkNetnsId()).isNotNegative();
        assertThat(link(blue, "v0p").mtu()).isEqualTo(1300);
        assertThat(store.namespaces()).containsExactly("red");
    }
}
