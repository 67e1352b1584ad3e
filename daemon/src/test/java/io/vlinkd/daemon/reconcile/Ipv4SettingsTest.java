package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.ip.Ipv4Setting;
import org.junit.jupiter.api.Test;

/**
 * {@code ipv4:} through the whole reconciler: set right after a link is created, only the settings that differ
 * changed on an existing one, nothing written when they match, a setting that leaves the config left as it is, and
 * a failed apply puts the old values back. The real kernel, with packets: Ipv4SettingsKernelTest.
 */
class Ipv4SettingsTest extends OverFakeKernel.WithRealKinds {

    private static String yaml(String ipv4, Integer mtu) {
        return "interfaces:\n  - name: br0\n    kind: bridge\n" + (mtu == null ? "" : "    mtu: " + mtu + "\n")
                + (ipv4 == null ? "" : "    ipv4: " + ipv4 + "\n");
    }

    private Object setting(String key) {
        ObservedLink br0 = kernel.observe().link("br0").orElseThrow();
        return br0.ipv4().values().get(Ipv4Setting.of(key).orElseThrow());
    }

    @Test
    void setAfterCreateThenOnlyWhatDiffersAndNothingWhenTheyMatch() throws Exception {
        ApplyResult created = reconciler.apply(config(yaml("{ forwarding: true, rp-filter: strict }", null)));
        assertThat(created.kept()).extracting(Step::ipCommand)
                .contains("sysctl -w net.ipv4.conf.br0.forwarding=1 net.ipv4.conf.br0.rp_filter=1");
        assertThat(setting("forwarding")).isEqualTo(true);

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(yaml("{ forwarding: true, rp-filter: strict }", null))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        ApplyResult changed = reconciler.apply(config(yaml("{ forwarding: true, rp-filter: loose }", null)));
        assertThat(changed.kept()).extracting(Step::operation).containsExactly("set ipv4 rp-filter loose");

        assertThat(reconciler.apply(config(yaml("{ rp-filter: loose }", null))).outcome())
                .as("forwarding left the config: kept as it is").isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(setting("forwarding")).isEqualTo(true);
    }

    @Test
    void aFailedApplyPutsTheOldValuesBack() throws Exception {
        reconciler.apply(config(yaml("{ forwarding: true, arp-ignore: 1 }", null)));

        kernel.failWrite(2, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(yaml("{ forwarding: false, arp-ignore: 2 }", 1400)));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(setting("forwarding")).isEqualTo(true);
        assertThat(setting("arp-ignore")).isEqualTo(1L);
    }
}
