package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.fdb.FdbType;
import io.vlinkd.daemon.resource.fdb.ObservedFdb;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MacAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code fdb:} through the whole reconciler: a bridge port's static entries and a VXLAN's remotes (head-end
 * replication) added and recorded, left alone when unchanged, deleted one by one when they leave the config,
 * written over what the bridge learned, added again when the VXLAN is re-created; someone else's entries stay, and a
 * failed apply puts every entry back. The real kernel, with packets: FdbKernelTest.
 */
class FdbOwnershipTest extends OverFakeKernel.WithRealKinds {
    /** The config is YAML, read with the real kinds: the kernel decodes with them too. */

    private static String yaml(String portFdb, String vxlanId, String remotes) {
        return "interfaces:\n"
                // VLAN filtering: a port's entry with vlan: needs it (the loader refuses it otherwise, as the kernel).
                + "  - name: br0\n    kind: bridge\n    bridge: { vlan-filtering: true }\n"
                + "  - name: v0\n    kind: veth\n    veth: { peer: v1 }\n    master: br0\n"
                + (portFdb == null ? "" : "    fdb: " + portFdb + "\n")
                + "  - name: vx0\n    kind: vxlan\n    vxlan: { id: " + vxlanId + " }\n"
                + (remotes == null ? "" : "    fdb: " + remotes + "\n");
    }

    private static String remotes(String... dsts) {
        StringBuilder sb = new StringBuilder("[");
        for (String d : dsts) {
            sb.append(sb.length() > 1 ? ", " : "").append("{ mac: \"00:00:00:00:00:00\", dst: ").append(d).append(" }");
        }
        return sb.append("]").toString();
    }

    /** Each entry as {@code DEV ENTRY master|self}. */
    private List<String> entries() {
        ObservedState s = kernel.observe();
        return s.objects(FdbType.TYPE).stream().map(e -> s.nameOf(e.index()) + " " + e.entry()
                + ((e.flags() & Rtnl.NTF_MASTER) != 0 ? " master" : " self")).sorted().toList();
    }

    @Test
    void addsRecordsKeepsAndDeletesPortEntriesAndRemotesOneByOne() throws Exception {
        String ports = "[{ mac: \"02:00:00:00:00:10\" }, { mac: \"02:00:00:00:00:11\", vlan: 10 }]";
        ApplyResult first = reconciler.apply(config(yaml(ports, "42", remotes("192.0.2.2", "192.0.2.3"))));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(entries()).containsExactly("v0 02:00:00:00:00:10 master", "v0 02:00:00:00:00:11 vlan 10 master",
                "vx0 00:00:00:00:00:00 dst 192.0.2.2 self", "vx0 00:00:00:00:00:00 dst 192.0.2.3 self");
        assertThat(Files.readString(store.file())).contains(" 02:00:00:00:00:11 10 - - - -\n",
                " 00:00:00:00:00:00 - 192.0.2.3 - - -\n");

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(yaml(ports, "42", remotes("192.0.2.2", "192.0.2.3")))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        ApplyResult less = reconciler.apply(config(yaml("[{ mac: \"02:00:00:00:00:10\" }]", "42",
                remotes("192.0.2.2"))));
        assertThat(less.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                "bridge fdb del 02:00:00:00:00:11 vlan 10 dev v0 master",
                "bridge fdb del 00:00:00:00:00:00 dst 192.0.2.3 dev vx0 self");
        assertThat(entries()).containsExactly("v0 02:00:00:00:00:10 master",
                "vx0 00:00:00:00:00:00 dst 192.0.2.2 self");

        reconciler.apply(config(yaml(null, "42", null)));
        assertThat(entries()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nfdb ");
    }

    @Test
    void aReCreatedVxlanGetsItsRemotesBack() throws Exception {
        reconciler.apply(config(yaml(null, "42", remotes("192.0.2.2"))));
        ApplyResult r = reconciler.apply(config(yaml(null, "43", remotes("192.0.2.2"))));
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.kept()).extracting(Step::operation).contains("add fdb entry 00:00:00:00:00:00 dst 192.0.2.2");
        assertThat(entries()).containsExactly("vx0 00:00:00:00:00:00 dst 192.0.2.2 self");
    }

    @Test
    void writesOverALearnedEntryAndLeavesSomeoneElsesAlone() throws Exception {
        reconciler.apply(config(yaml(null, "42", null)));
        FdbSpec learned = new FdbSpec(MacAddress.parse("02:00:00:00:00:10"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        kernel.addForeignFdb("v0", learned, Rtnl.NUD_REACHABLE, Rtnl.NTF_MASTER);
        FdbSpec theirs = new FdbSpec(MacAddress.parse("02:00:00:00:00:12"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        kernel.addForeignFdb("v0", theirs, Rtnl.NUD_NOARP, Rtnl.NTF_MASTER);

        ApplyResult r = reconciler.apply(config(yaml("[{ mac: \"02:00:00:00:00:10\" }]", "42", null)));

        assertThat(r.kept()).extracting(Step::ipCommand).containsExactly(
                "bridge fdb replace 02:00:00:00:00:10 dev v0 master static");
        assertThat(kernel.observe().objects(FdbType.TYPE)).extracting(ObservedFdb::state)
                .containsOnly(Rtnl.NUD_NOARP);
        reconciler.apply(config(yaml(null, "42", null)));
        assertThat(entries()).containsExactly("v0 02:00:00:00:00:12 master");
    }

    @Test
    void aFailedApplyPutsEveryEntryBack() throws Exception {
        reconciler.apply(config(yaml(null, "42", remotes("192.0.2.2"))));
        List<String> before = entries();

        kernel.failWrite(2, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(yaml("[{ mac: \"02:00:00:00:00:10\" }]", "42",
                remotes("192.0.2.3"))));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(entries()).isEqualTo(before);
    }
}
