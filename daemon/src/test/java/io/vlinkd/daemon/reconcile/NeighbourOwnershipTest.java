package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.neighbour.NeighbourType;
import io.vlinkd.daemon.resource.neighbour.ObservedNeighbour;
import io.vlinkd.daemon.resource.neighbour.ProxyNeighbourType;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.AddressRequests;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code neighbours:} through the whole reconciler: added marked and recorded, left alone when unchanged, replaced in
 * place, written over a learned entry, someone else's left alone, deleted when it leaves the config, and a failed
 * apply puts every entry back as it was. The type alone: NeighbourTypeTest; the real kernel: NeighbourKernelTest.
 */
class NeighbourOwnershipTest extends OverFakeKernel {
    private static final String MAC_A = "02:00:00:00:00:0a";
    private static final String MAC_B = "02:00:00:00:00:0b";

    @BeforeEach
    void eth9() {
        int eth9 = kernel.addForeignLink("eth9", null, null, true);
        kernel.apply(List.of(AddressRequests.add(eth9, "eth9", Desired.address("10.0.0.1/24"))));
    }

    private static String yaml(String... entries) {
        StringBuilder sb = new StringBuilder("interfaces:\n  - name: eth9\n    neighbours:\n");
        for (String e : entries) {
            sb.append("      - ").append(e).append('\n');
        }
        return entries.length == 0 ? "interfaces:\n  - name: eth9\n" : sb.toString();
    }

    private static String entry(String address, String mac) {
        return "{ address: \"" + address + "\", mac: \"" + mac + "\" }";
    }

    /** Each entry as {@code ADDRESS MAC permanent|learned proto P}. */
    private List<String> entries() {
        return kernel.observe().objects(NeighbourType.TYPE).stream().map(NeighbourOwnershipTest::describe).toList();
    }

    private static String describe(ObservedNeighbour n) {
        return IpText.format(n.address()) + " " + n.lladdr() + (n.permanent() ? " permanent" : " learned")
                + " proto " + n.protocol();
    }

    @Test
    void addsMarkedAndRecordedEntriesLeavesThemAloneThenReplacesAndDeletesThem() throws Exception {
        ApplyResult first = reconciler.apply(config(yaml(entry("10.0.0.2", MAC_A), entry("2001:db8::2", MAC_A))));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(entries()).containsExactly("10.0.0.2 " + MAC_A + " permanent proto 247",
                "2001:db8::2 " + MAC_A + " permanent proto 247");
        assertThat(Files.readString(store.file())).contains("\nneighbour eth9 2 10.0.0.2\n",
                "\nneighbour eth9 2 2001:db8::2\n");

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(yaml(entry("10.0.0.2", MAC_A), entry("2001:db8::2", MAC_A)))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        ApplyResult changed = reconciler.apply(config(yaml(entry("10.0.0.2", MAC_B))));
        assertThat(changed.kept()).extracting(Step::ipCommand).containsExactly(
                "ip neigh del 2001:db8::2 dev eth9",
                "ip neigh replace 10.0.0.2 lladdr " + MAC_B + " dev eth9 nud permanent proto 247");
        assertThat(entries()).containsExactly("10.0.0.2 " + MAC_B + " permanent proto 247");
        assertThat(Files.readString(store.file())).doesNotContain("2001:db8::2");

        reconciler.apply(config(yaml()));
        assertThat(entries()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nneighbour ");
    }

    @Test
    void writesOverALearnedEntryAndLeavesSomeoneElsesPermanentOnesAlone() throws Exception {
        kernel.addForeignNeighbour("eth9", Desired.ip("10.0.0.5"), MAC_A, false, 0);
        kernel.addForeignNeighbour("eth9", Desired.ip("10.0.0.6"), MAC_A, true, 0);
        kernel.addForeignNeighbour("eth9", Desired.ip("10.0.0.7"), MAC_A, true, 4);

        ApplyResult r = reconciler.apply(config(yaml(entry("10.0.0.5", MAC_B), entry("10.0.0.6", MAC_B))));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.kept()).extracting(Step::operation).containsExactly("add neighbour 10.0.0.5");
        assertThat(entries()).containsExactlyInAnyOrder("10.0.0.5 " + MAC_B + " permanent proto 247",
                "10.0.0.6 " + MAC_A + " permanent proto 0", "10.0.0.7 " + MAC_A + " permanent proto 4");
        assertThat(reconciler.plan(config(yaml(entry("10.0.0.5", MAC_B), entry("10.0.0.6", MAC_B)))).notes())
                .anyMatch(n -> n.endsWith("neighbour 10.0.0.6: a permanent entry for 10.0.0.6 on eth9 exists with "
                        + "lladdr " + MAC_A + " (proto 0), not installed by vlinkd; left alone"));
    }

    @Test
    void aProxyEntryIsATypeOfItsOwnBesideAnEntryOfTheSameAddress() throws Exception {
        ApplyResult r = reconciler.apply(config(yaml(entry("10.0.0.7", MAC_A), "{ address: 10.0.0.7, proxy: true }")));
        assertThat(r.kept()).extracting(Step::ipCommand).containsExactly(
                "ip neigh replace 10.0.0.7 lladdr " + MAC_A + " dev eth9 nud permanent proto 247",
                "ip neigh replace proxy 10.0.0.7 dev eth9 proto 247");
        assertThat(kernel.observe().objects(ProxyNeighbourType.TYPE)).extracting(n -> IpText.format(n.address()))
                .containsExactly("10.0.0.7");
        assertThat(Files.readString(store.file())).contains("\nproxy eth9 2 10.0.0.7\n",
                "\nneighbour eth9 2 10.0.0.7\n");

        ApplyResult less = reconciler.apply(config(yaml(entry("10.0.0.7", MAC_A))));
        assertThat(less.kept()).extracting(Step::ipCommand).containsExactly("ip neigh del proxy 10.0.0.7 dev eth9");
        assertThat(kernel.observe().objects(ProxyNeighbourType.TYPE)).isEmpty();
        assertThat(entries()).containsExactly("10.0.0.7 " + MAC_A + " permanent proto 247");
    }

    @Test
    void aFailedApplyPutsEveryEntryBackAsItWas() throws Exception {
        reconciler.apply(config(yaml(entry("10.0.0.2", MAC_A))));
        List<String> before = entries();

        kernel.failWrite(2, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(yaml(entry("10.0.0.2", MAC_B), entry("10.0.0.3", MAC_B))));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(entries()).isEqualTo(before);
    }
}
