package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.IpText;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issues 12.3 and 13.8 on the real kernel: vlinkd marks its addresses (IFA_PROTO, kernel 5.18+), deletes only its
 * own, leaves a dynamic address (added with lifetimes: the kernel reports it "dynamic", no IFA_F_PERMANENT), a
 * foreign one and a foreign route with protocol 247 alone, and still owns its marked addresses after the ledger is
 * lost. {@code ip -j} is the oracle for what exists (iproute2 6.1 does not print IFA_PROTO: the mark is read with
 * vlinkd's own dump).
 */
class AddressOwnershipKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();

    private static String br0(String addresses, boolean adopt) {
        return "interfaces:\n  - name: br0\n    kind: bridge\n    state: up\n" + (adopt ? "    adopt: true\n" : "")
                + "    addresses: " + addresses + "\n";
    }

    private static List<String> inet(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (JsonNode link : ns.json("address", "show", "dev", "br0")) {
            for (JsonNode a : link.get("addr_info")) {
                if (a.get("family").asText().equals("inet")) {
                    out.add(a.get("local").asText() + "/" + a.get("prefixlen").asInt()
                            + (a.path("dynamic").asBoolean() ? " dynamic" : ""));
                }
            }
        }
        return out;
    }

    @Test
    void deletesOnlyItsOwnAddressesAndRoutesAndOwnsItsMarkedAddressesAfterTheLedgerIsLost() throws Exception {
        TestNamespace ns = fixture.freshNamespaceWith("bridge");
        NetlinkKernelPort port = fixture.open();
        OwnershipStore store = fixture.store();
        Reconciler reconciler = fixture.reconciler(port);

        assertThat(reconciler.apply(fixture.config(br0("[192.0.2.1/24, 192.0.2.2/24]", false))).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);
        // Other subnets than vlinkd's: deleting a primary address also deletes its subnet's secondaries.
        ns.ip("addr", "add", "198.18.0.50/24", "dev", "br0");
        ns.ip("addr", "add", "198.18.1.60/24", "dev", "br0", "valid_lft", "100", "preferred_lft", "100");
        ns.ip("route", "add", "198.51.100.0/24", "via", "198.18.1.254", "dev", "br0", "proto", "247");
        assertThat(inet(ns)).contains("198.18.1.60/24 dynamic", "198.18.0.50/24");

        ObservedLink br0 = port.observe().link("br0").orElseThrow();
        assertThat(port.observe().addressesOf(br0.index()))
                .filteredOn(a -> a.address() instanceof java.net.Inet4Address)
                .extracting(a -> IpText.format(a.address()) + " proto " + a.protocol())
                .containsExactlyInAnyOrder("192.0.2.1 proto " + Planner.VLINKD_PROTOCOL,
                        "192.0.2.2 proto " + Planner.VLINKD_PROTOCOL, "198.18.0.50 proto 0", "198.18.1.60 proto 0");

        // 192.0.2.2 leaves the config: deleted; the foreign, the dynamic address and the foreign route stay.
        assertThat(reconciler.apply(fixture.config(br0("[192.0.2.1/24]", false))).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(inet(ns)).containsExactlyInAnyOrder("192.0.2.1/24", "198.18.0.50/24", "198.18.1.60/24 dynamic");
        assertThat(ns.ip("route", "show", "proto", "247")).contains("198.51.100.0/24 via 198.18.1.254 dev br0");

        // Even exclusive: the dynamic address stays (the foreign static one goes).
        assertThat(reconciler.apply(fixture.config(br0("[192.0.2.1/24]", false)
                + "    addresses-exclusive: true\n")).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(inet(ns)).containsExactlyInAnyOrder("192.0.2.1/24", "198.18.1.60/24 dynamic");
        ns.ip("addr", "add", "198.18.0.50/24", "dev", "br0");

        // The ledger is lost: br0 is taken back with adopt: true, and its marked address is still vlinkd's.
        Files.delete(store.file());
        ApplyResult r = reconciler.apply(fixture.config(br0("[]", true)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.kept()).extracting(s -> s.operation()).containsExactly("delete address 192.0.2.1/24");
        assertThat(inet(ns)).containsExactlyInAnyOrder("198.18.0.50/24", "198.18.1.60/24 dynamic");
        assertThat(ns.ip("route", "show", "proto", "247")).contains("198.51.100.0/24 via 198.18.1.254 dev br0");
    }

    /** Issue 12.4 on the real kernel: lifetimes and IPv6 flags change in place (NLM_F_REPLACE), a route's pref. */
    @Test
    void changesLifetimesAndFlagsInPlaceAndARoutesPref() throws Exception {
        TestNamespace ns = fixture.freshNamespaceWith("bridge");
        NetlinkKernelPort port = fixture.open();
        Reconciler reconciler = fixture.reconciler(port);
        String before = """
                interfaces:
                  - name: br0
                    kind: bridge
                    state: up
                    addresses:
                      - { address: "2001:db8:1::1/64" }
                      - { address: 192.0.2.1/24 }
                routes:
                  - { to: "2001:db8:5::/48", dev: br0, pref: high }
                """;
        assertThat(reconciler.apply(fixture.config(before)).errors()).isEmpty();
        String after = before.replace("{ address: \"2001:db8:1::1/64\" }",
                        "{ address: \"2001:db8:1::1/64\", valid-lft: 3600, preferred-lft: 1800, noprefixroute: true }")
                .replace("{ address: 192.0.2.1/24 }", "{ address: 192.0.2.1/24, valid-lft: 600 }")
                .replace("pref: high", "pref: low");
        ApplyResult r = reconciler.apply(fixture.config(after));
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.kept()).extracting(s -> s.operation()).contains(
                "replace address 2001:db8:1::1/64 noprefixroute", "replace address 192.0.2.1/24");

        JsonNode v6 = null;
        JsonNode v4 = null;
        for (JsonNode a : ns.json("address", "show", "dev", "br0").get(0).get("addr_info")) {
            if (a.get("local").asText().equals("2001:db8:1::1")) {
                v6 = a;
            } else if (a.get("local").asText().equals("192.0.2.1")) {
                v4 = a;
            }
        }
        assertThat(v6.get("valid_life_time").asLong()).isBetween(3500L, 3600L);
        assertThat(v6.get("preferred_life_time").asLong()).isBetween(1700L, 1800L);
        assertThat(v6.path("noprefixroute").asBoolean()).isTrue();
        assertThat(v4.get("valid_life_time").asLong()).isBetween(500L, 600L);
        assertThat(ns.json("-6", "route", "show", "2001:db8:5::/48").get(0).get("pref").asText()).isEqualTo("low");
        assertThat(reconciler.plan(fixture.config(after)).isEmpty()).isTrue();
    }
}
