package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipv4:} on the real kernel (issue 16), with packets: a router namespace between A and B forwards only once
 * {@code ipv4: { forwarding: true }} is on its interfaces (net.ipv4.conf.all.forwarding stays 0: the per-interface
 * setting of the input interface decides). Each value is read back with sysctl, the second apply changes nothing,
 * and a value changed by hand is set again. A rollback: Ipv4SettingsTest (daemon).
 */
class Ipv4SettingsKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();
    @TempDir
    Path dir;

    private static String config(String ua, String ub) {
        return """
                interfaces:
                  - name: ua
                    addresses: [10.1.0.1/24]
                    state: up
                %s  - name: ub
                    addresses: [10.2.0.1/24]
                    state: up
                %s""".formatted(ua, ub);
    }

    private static final String FORWARD = "    ipv4: { forwarding: true, rp-filter: loose, arp-ignore: 1 }\n";

    private static String sysctl(TestNamespace ns, String key) {
        return ns.exec("sysctl", "-n", key).trim();
    }

    @Test
    void aRouterForwardsOnlyWithForwardingOnItsInterfaces() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        try (TestNamespace a = TestNamespace.create(); TestNamespace b = TestNamespace.create()) {
            ns.ip("link", "add", "ua", "type", "veth", "peer", "name", "h0", "netns", a.name());
            ns.ip("link", "add", "ub", "type", "veth", "peer", "name", "h0", "netns", b.name());
            a.ip("addr", "add", "10.1.0.2/24", "dev", "h0");
            a.ip("link", "set", "h0", "up");
            a.ip("route", "add", "default", "via", "10.1.0.1");
            b.ip("addr", "add", "10.2.0.2/24", "dev", "h0");
            b.ip("link", "set", "h0", "up");
            b.ip("route", "add", "default", "via", "10.2.0.1");

            // A new namespace may start with the host's forwarding (net.core.devconf_inherit_init_net): off here,
            // for every interface (writing "all" sets each one's).
            ns.exec("sysctl", "-w", "net.ipv4.conf.all.forwarding=0");
            NetlinkKernelPort kernel = fixture.open();
            Reconciler reconciler = KernelFixture.reconciler(kernel, new OwnershipStore(dir.resolve("owned")));
            assertThat(reconciler.apply(Desired.fromYaml(dir, config("", ""))).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(a.execStatus("ping", "-c", "1", "-W", "2", "10.2.0.2")).as("no forwarding").isNotZero();

            ApplyResult on = reconciler.apply(Desired.fromYaml(dir, config(FORWARD, FORWARD)));
            assertThat(on.errors()).isEmpty();
            assertThat(on.kept()).extracting(Step::ipCommand).contains(
                    "sysctl -w net.ipv4.conf.ua.forwarding=1 net.ipv4.conf.ua.rp_filter=2 "
                            + "net.ipv4.conf.ua.arp_ignore=1");
            assertThat(sysctl(ns, "net.ipv4.conf.ua.forwarding")).isEqualTo("1");
            assertThat(sysctl(ns, "net.ipv4.conf.ub.rp_filter")).isEqualTo("2");
            assertThat(sysctl(ns, "net.ipv4.conf.ub.arp_ignore")).isEqualTo("1");
            assertThat(sysctl(ns, "net.ipv4.conf.all.forwarding")).isEqualTo("0");
            assertThat(a.execStatus("ping", "-c", "3", "-i", "0.5", "-W", "2", "10.2.0.2")).as("forwarded")
                    .isZero();
            assertThat(reconciler.apply(Desired.fromYaml(dir, config(FORWARD, FORWARD))).outcome())
                    .as("read back as configured").isEqualTo(ApplyResult.Outcome.UNCHANGED);

            ns.exec("sysctl", "-w", "net.ipv4.conf.ub.forwarding=0");
            ApplyResult repaired = reconciler.apply(Desired.fromYaml(dir, config(FORWARD, FORWARD)));
            assertThat(repaired.kept()).extracting(Step::ipCommand)
                    .containsExactly("sysctl -w net.ipv4.conf.ub.forwarding=1");
        }
    }
}
