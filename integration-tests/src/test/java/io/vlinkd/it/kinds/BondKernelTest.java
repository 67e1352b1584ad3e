package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.DeviceKinds.VETH;
import static io.vlinkd.it.kinds.DeviceKinds.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.BondKind;
import io.vlinkd.netlink.kind.BondKind.BondSpec;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.socket.NetlinkSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** bond (full-kernel lane: this machine's kernel has no bonding). */
class BondKernelTest {
    private static final BondKind BOND = BondKind.INSTANCE;
    private static final String NO_BOND = "this kernel has no bond: runs in the full-kernel lane";

    private static BondSpec bond(Object... kv) {
        return spec(BOND, null, kv);
    }

    @Test
    void activeBackupWithMiiMonitoring() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("bond0", BOND, bond("mode", "active-backup", "miimon", 100,
                        "updelay", 200, "downdelay", 300, "primary-reselect", "better", "fail-over-mac", "active",
                        "all-slaves-active", true, "min-links", 1)))
                .expect("mode", "active-backup").expect("miimon", 100).expect("updelay", 200)
                .expect("downdelay", 300).expect("primary_reselect", "better").expect("fail_over_mac", "active")
                .expect("all_slaves_active", 1).expect("min_links", 1)
                // updelay/downdelay are kept in units of miimon: change them together.
                .changeInPlace(bond("miimon", 200, "updelay", 400, "downdelay", 600), "miimon", 200,
                        "updelay", 400, "downdelay", 600)
                .changeInPlace(bond("primary-reselect", "failure", "all-slaves-active", false, "min-links", 2),
                        "primary_reselect", "failure", "all_slaves_active", 0, "min_links", 2));
    }

    @Test
    void lacpBondRefusesModeAndLacpRateWhileUp() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("bond0", BOND, bond("mode", "802.3ad", "miimon", 100,
                        "xmit-hash-policy", "layer3+4", "min-links", 2, "lacp-rate", "fast", "ad-select",
                        "bandwidth")).withState(AdminState.UP))
                .expect("mode", "802.3ad").expect("xmit_hash_policy", "layer3+4").expect("min_links", 2)
                .expect("ad_lacp_rate", "fast").expect("ad_select", "bandwidth")
                .changeInPlace(bond("xmit-hash-policy", "layer2+3"), "xmit_hash_policy", "layer2+3")
                .refused(bond("mode", "balance-xor"), "EBUSY")
                .refused(lacpRateOnly("slow"), "EBUSY"));
    }

    /** A spec that manages only lacp-rate (not valid config: validation wants the mode said), to send it alone. */
    private static BondSpec lacpRateOnly(String rate) {
        BondSpec e = BondSpec.empty();
        return new BondSpec(e.mode(), e.miimon(), e.updelay(), e.downdelay(), e.arpInterval(), e.arpIpTarget(),
                e.arpValidate(), e.primary(), e.primaryReselect(), e.failOverMac(), e.xmitHashPolicy(),
                e.allSlavesActive(), e.minLinks(), java.util.Optional.of(rate), e.adSelect());
    }

    @Test
    void arpMonitoredBond() throws Exception {
        InetAddress t1 = InetAddress.getByName("192.0.2.1");
        InetAddress t2 = InetAddress.getByName("192.0.2.2");
        InetAddress t3 = InetAddress.getByName("192.0.2.3");
        KindHarness.run(KindCase.create(LinkSpec.of("bond0", BOND, bond("mode", "balance-xor", "arp-interval", 200,
                        "arp-ip-target", List.of(t1, t2), "arp-validate", "all", "xmit-hash-policy", "layer2+3")))
                .expect("mode", "balance-xor").expect("arp_interval", 200).expect("arp_validate", "all")
                .expect("/linkinfo/info_data/arp_ip_target/0", "192.0.2.1")
                .expect("/linkinfo/info_data/arp_ip_target/1", "192.0.2.2")
                // The kernel clears the old targets and fills slots in the order sent.
                .changeInPlace(bond("arp-interval", 500, "arp-ip-target", List.of(t3, t1)), "arp_interval", 500,
                        "/linkinfo/info_data/arp_ip_target/0", "192.0.2.3",
                        "/linkinfo/info_data/arp_ip_target/1", "192.0.2.1"));
    }

    /**
     * With a port: the primary is reported once it has joined, and fail_over_mac and mode are refused while the
     * bond has ports (BOND_OPTFLAG_NOSLAVES: ENOTEMPTY) even when it is down.
     */
    @Test
    void primaryPortAndTheOptionsAPortBlocks() throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create()) {
            ns.ip(VETH.split(" "));
            Assumptions.assumeTrue(ns.supportsKind("bond"), NO_BOND);
            try (NetlinkSocket sock = KindHarness.open(ns)) {
                LinkSpec spec = LinkSpec.of("bond0", BOND, bond("mode", "active-backup", "miimon", 100,
                        "primary", "p0"));
                KindHarness.create(ns, sock, spec);
                ns.ip("link", "set", "p0", "master", "bond0");
                KindHarness.assertFields(ns, "bond0", Map.of("primary", "p0", "mode", "active-backup"));
                KindHarness.assertNoDifference(ns, sock, spec);

                LinkSpec other = KindHarness.withKindSpec(spec, bond("mode", "active-backup", "fail-over-mac",
                        "follow"));
                try (KernelContext ctx = new KernelContext(ns)) {
                    var request = KindHarness.changeWithCreateAttributes(KindHarness.index(ns, "bond0"), other, ctx);
                    assertThatThrownBy(() -> sock.execute(request)).isInstanceOf(NetlinkException.class)
                            .hasMessageContaining("ENOTEMPTY");
                }
                assertThat(KindHarness.differences(other, KindHarness.observe(sock, spec)))
                        .extracting(d -> d.key()).containsExactly("fail-over-mac");
                KindHarness.delete(ns, sock, "bond0");
                assertThat(ns.link("p0")).as("the port outlives its bond").isNotNull();
            }
        }
    }
}
