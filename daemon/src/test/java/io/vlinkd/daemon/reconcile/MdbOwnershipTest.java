package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.mdb.MdbType;
import io.vlinkd.netlink.Errno;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code mdb:} through the whole reconciler: a bridge's permanent entries added after their port joins, recorded,
 * left alone when unchanged, deleted one by one when they leave the config, added again when the bridge is
 * re-created, and put back as they were by a failed apply. The real kernel: MdbKernelTest.
 */
class MdbOwnershipTest extends OverFakeKernel.WithRealKinds {

    private static String yaml(String stp, String... entries) {
        return "interfaces:\n  - name: br0\n    kind: bridge\n    bridge: { stp: " + stp + " }\n"
                + (entries.length == 0 ? "" : "    mdb: [" + String.join(", ", entries) + "]\n")
                + "  - name: v0\n    kind: veth\n    veth: { peer: v1 }\n    master: br0\n";
    }

    private List<String> entries() {
        ObservedState s = kernel.observe();
        return s.objects(MdbType.TYPE).stream().map(e -> s.nameOf(e.port()) + " " + e.group().getHostAddress()
                + (e.vlan() == 0 ? "" : " vid " + e.vlan())).sorted().toList();
    }

    @Test
    void addsRecordsKeepsAndDeletesEntries() throws Exception {
        String a = "{ port: v0, group: 239.1.1.1 }";
        String b = "{ port: v0, group: \"ff0e::5\", vlan: 10 }";
        ApplyResult first = reconciler.apply(config(yaml("false", a, b)));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(entries()).containsExactly("v0 239.1.1.1", "v0 ff0e:0:0:0:0:0:0:5 vid 10");
        assertThat(Files.readString(store.file())).contains(" v0 239.1.1.1 -\n", " v0 ff0e::5 10\n");

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(yaml("false", a, b))).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        ApplyResult less = reconciler.apply(config(yaml("false", a)));
        assertThat(less.kept()).extracting(Step::ipCommand).containsExactly(
                "bridge mdb del dev br0 port v0 grp ff0e::5 vid 10");
        reconciler.apply(config(yaml("false")));
        assertThat(entries()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nmdb ");
    }

    @Test
    void aFailedApplyPutsEveryEntryBack() throws Exception {
        reconciler.apply(config(yaml("false", "{ port: v0, group: 239.1.1.1 }")));
        List<String> before = entries();

        kernel.failWrite(2, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(yaml("false", "{ port: v0, group: 239.1.1.2 }",
                "{ port: v0, group: 239.1.1.3 }")));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(entries()).isEqualTo(before);
    }
}
