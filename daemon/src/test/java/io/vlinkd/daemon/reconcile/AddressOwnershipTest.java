package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.address.ObservedAddress;
import io.vlinkd.netlink.route.Rtnl;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.3: vlinkd deletes only the addresses it added (ledger, or its IFA_PROTO mark on a link it owns), all
 * permanent ones with {@code addresses-exclusive: true}, and never dynamic or IPv6 link-local ones.
 */
class AddressOwnershipTest extends OverFakeKernel {
    int eth9;

    @BeforeEach
    void setUp() {
        eth9 = kernel.addForeignLink("eth9", null, null, true);
    }

    private static String eth9(String addresses, boolean exclusive) {
        return "interfaces:\n  - name: eth9\n    addresses: " + addresses + "\n"
                + (exclusive ? "    addresses-exclusive: true\n" : "");
    }

    private java.util.List<String> addressesOf(int index) {
        return kernel.observe().addressesOf(index).stream()
                .map(a -> io.vlinkd.netlink.kind.IpText.format(a.address()) + "/" + a.prefixLength()).toList();
    }

    private void foreign() {
        // Someone else's static address, a SLAAC/DHCP one (no IFA_F_PERMANENT) and the kernel's link-local one.
        kernel.addForeignAddress("eth9", Desired.ip("10.0.0.1"), 24, Rtnl.IFA_F_PERMANENT, 0);
        kernel.addForeignAddress("eth9", Desired.ip("2001:db8::99"), 64, 0, 2 /* IFAPROT_KERNEL_RA */);
        kernel.addForeignAddress("eth9", Desired.ip("fe80::1"), 64, Rtnl.IFA_F_PERMANENT, 3);
    }

    @Test
    void leavesForeignDynamicAndLinkLocalAddressesAlone() throws Exception {
        foreign();
        ApplyResult r = reconciler.apply(config(eth9("[10.0.0.2/24]", false)));
        assertThat(r.kept()).extracting(Step::operation).containsExactly("add address 10.0.0.2/24");
        assertThat(addressesOf(eth9)).containsExactlyInAnyOrder("10.0.0.1/24", "2001:db8::99/64", "fe80::1/64",
                "10.0.0.2/24");
    }

    @Test
    void exclusiveRemovesOtherPermanentAddressesButNeverDynamicOrLinkLocalOnes() throws Exception {
        foreign();
        ApplyResult r = reconciler.apply(config(eth9("[10.0.0.2/24]", true)));
        assertThat(r.kept()).extracting(Step::operation)
                .containsExactlyInAnyOrder("add address 10.0.0.2/24", "delete address 10.0.0.1/24");
        assertThat(addressesOf(eth9)).containsExactlyInAnyOrder("2001:db8::99/64", "fe80::1/64", "10.0.0.2/24");
    }

    @Test
    void marksItsAddressesRecordsThemAndDeletesThemWhenTheyLeaveTheConfig() throws Exception {
        foreign();
        reconciler.apply(config(eth9("[10.0.0.2/24, 10.0.0.3/24]", false)));
        assertThat(kernel.observe().addressesOf(eth9)).filteredOn(a -> a.address().equals(Desired.ip("10.0.0.2")))
                .extracting(ObservedAddress::protocol).containsExactly(Planner.VLINKD_PROTOCOL);
        assertThat(Files.readString(store.file())).contains("\naddress eth9 " + eth9 + " 10.0.0.2/24\n")
                .contains("\naddress eth9 " + eth9 + " 10.0.0.3/24\n");

        ApplyResult r = reconciler.apply(config(eth9("[10.0.0.2/24]", false)));
        assertThat(r.kept()).extracting(Step::operation).containsExactly("delete address 10.0.0.3/24");
        assertThat(addressesOf(eth9)).containsExactlyInAnyOrder("10.0.0.1/24", "2001:db8::99/64", "fe80::1/64",
                "10.0.0.2/24");
        assertThat(Files.readString(store.file())).doesNotContain("10.0.0.3");
    }

    @Test
    void aMarkedAddressOnAnOwnedLinkIsVlinkdsWhenTheLedgerLostItsAddressLines() throws Exception {
        String withAddress = """
                interfaces:
                  - name: br0
                    kind: bridge
                    addresses: [192.0.2.1/24, 192.0.2.2/24]
                """;
        reconciler.apply(config(withAddress));
        int br0 = kernel.observe().link("br0").orElseThrow().index();
        kernel.addForeignAddress("br0", Desired.ip("192.0.2.9"), 24, Rtnl.IFA_F_PERMANENT, 0);
        // The ledger as a damaged or older file leaves it: the link, none of its addresses.
        Files.writeString(store.file(), "# vlinkd ownership v1\nlink br0 " + br0 + " bridge\n");

        ApplyResult r = reconciler.apply(config(withAddress.replace(", 192.0.2.2/24", "")));
        assertThat(r.kept()).extracting(Step::operation).containsExactly("delete address 192.0.2.2/24");
        assertThat(addressesOf(br0)).containsExactlyInAnyOrder("192.0.2.1/24", "192.0.2.9/24");
    }

    @Test
    void anUnmarkedAddressTheConfigListsIsClaimedOnUpgradeAndDeletedWhenItLeaves() throws Exception {
        kernel.addForeignAddress("eth9", Desired.ip("10.0.0.5"), 24, Rtnl.IFA_F_PERMANENT, 0);
        assertThat(reconciler.apply(config(eth9("[10.0.0.5/24]", false))).outcome())
                .isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(Files.readString(store.file())).contains("address eth9 " + eth9 + " 10.0.0.5/24");

        reconciler.apply(config(eth9("[]", false)));
        assertThat(addressesOf(eth9)).isEmpty();
    }

    @Test
    void aDamagedLedgerIsRebuiltFromTheMarksOfTheAddresses() throws Exception {
        String withAddress = "interfaces:\n  - name: br0\n    kind: bridge\n"
                + "    addresses: [192.0.2.1/24, 192.0.2.2/24]\n";
        reconciler.apply(config(withAddress));
        int br0 = kernel.observe().link("br0").orElseThrow().index();
        // The address lines are damaged (cut short by a full disk); the link line is intact.
        Files.writeString(store.file(), "# vlinkd ownership v1\nlink br0 " + br0 + " bridge\naddress br0 " + br0
                + " 192.0.2");

        ApplyResult r = reconciler.apply(config(withAddress.replace(", 192.0.2.2/24", "")));
        assertThat(r.kept()).extracting(Step::operation).containsExactly("delete address 192.0.2.2/24");
        assertThat(Files.readString(store.file())).contains("address br0 " + br0 + " 192.0.2.1/24\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("owned.damaged-"));
        }
    }
}
