package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.port.PortMaster;
import io.vlinkd.netlink.port.PortSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bridge-port:} through the whole reconciler: set after the port joins its bridge, left alone when the
 * kernel has them, changed one option at a time, put back by a rollback, set again when the bridge is re-created;
 * an option that leaves the config is left as it is. The real kernel, with packets: PortSettingsKernelTest.
 */
class PortSettingsTest extends OverFakeKernel.WithRealKinds {

    /** br0 with {@code bridgeMtu} (null: unmanaged), v0 its port with {@code port} as its bridge-port:. */
    private static String yaml(Integer bridgeMtu, String port) {
        return "interfaces:\n"
                + "  - name: br0\n    kind: bridge\n" + (bridgeMtu == null ? "" : "    mtu: " + bridgeMtu + "\n")
                + "  - name: v0\n    kind: veth\n    veth: { peer: v1 }\n    master: br0\n"
                + (port == null ? "" : "    bridge-port: " + port + "\n");
    }

    private ObservedLink v0() {
        return kernel.observe().links().stream().filter(l -> l.name().equals("v0")).findFirst().orElseThrow();
    }

    /** The observed value of {@code key} of v0 as a port. */
    private Object option(String key) {
        return v0().port().values().entrySet().stream().filter(e -> e.getKey().key().equals(key)).findFirst()
                .orElseThrow().getValue();
    }

    @Test
    void aNewPortGetsItsSettingsAfterJoiningAndAnUnchangedConfigWritesNothing() throws Exception {
        ApplyResult first = reconciler.apply(config(yaml(null, "{ learning: false, cost: 7, isolated: true }")));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(first.kept()).extracting(Step::ipCommand)
                .contains("ip link set dev v0 type bridge_slave learning off cost 7 isolated on");
        assertThat(option("learning")).isEqualTo(false);
        assertThat(option("cost")).isEqualTo(7L);
        assertThat(option("flood")).isEqualTo(true);

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(yaml(null, "{ learning: false, cost: 7, isolated: true }"))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);
    }

    @Test
    void onlyTheOptionsThatDifferAreChangedAndOneThatLeavesTheConfigStaysAsItIs() throws Exception {
        reconciler.apply(config(yaml(null, "{ learning: false, cost: 7 }")));

        ApplyResult r = reconciler.apply(config(yaml(null, "{ learning: true, cost: 7 }")));
        assertThat(r.kept()).extracting(Step::ipCommand)
                .containsExactly("ip link set dev v0 type bridge_slave learning on");
        assertThat(r.kept()).extracting(Step::operation).containsExactly("set bridge-port learning true");

        ApplyResult dropped = reconciler.apply(config(yaml(null, "{ learning: true }")));
        assertThat(dropped.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(option("cost")).isEqualTo(7L);
    }

    @Test
    void aFailedApplyPutsTheOldValuesBack() throws Exception {
        reconciler.apply(config(yaml(null, "{ learning: false, hairpin: true }")));

        kernel.failWrite(2, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(yaml(1400, "{ learning: true, hairpin: false }")));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(option("learning")).isEqualTo(false);
        assertThat(option("hairpin")).isEqualTo(true);
    }

    @Test
    void aDriftedOptionIsSetAgain() throws Exception {
        reconciler.apply(config(yaml(null, "{ learning: false }")));
        // Someone else: ip link set dev v0 type bridge_slave learning on
        PortSettings on = new PortSettings(PortMaster.BRIDGE,
                Map.of(PortMaster.BRIDGE.option("learning").orElseThrow(), true));
        kernel.apply(List.of(on.request(v0().index(), "v0", EncodeContext.offline())));
        assertThat(option("learning")).isEqualTo(true);

        ApplyResult repaired = reconciler.apply(config(yaml(null, "{ learning: false }")));
        assertThat(repaired.kept()).extracting(Step::ipCommand)
                .containsExactly("ip link set dev v0 type bridge_slave learning off");
        assertThat(option("learning")).isEqualTo(false);
    }
}
