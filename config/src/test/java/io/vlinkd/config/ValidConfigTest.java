package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.OptionlessKind;
import io.vlinkd.netlink.kind.VrfKind;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.wire.MacAddress;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidConfigTest {
    @TempDir
    Path tmp;

    private ConfigFixture fx() {
        return new ConfigFixture(tmp);
    }

    @Test
    void adoptIsReadOnAnEntryWithAKindAndIsOffByDefault() throws Exception {
        Path f = fx().write("10.yaml", """
                interfaces:
                  - name: br0
                    kind: bridge
                    adopt: true
                  - name: br1
                    kind: bridge
                """);
        DesiredState s = fx().valid(f);
        assertThat(s.link("br0").orElseThrow().adopt()).isTrue();
        assertThat(s.link("br1").orElseThrow().adopt()).isFalse();
    }

    @Test
    void anInterfaceVlinkdCreatesIsUpWithoutStateAndStateDownKeepsItDown() {
        DesiredState s = fx().valid(fx().write("10.yaml", """
                interfaces:
                  - { name: d0, kind: dummy }
                  - { name: d1, kind: dummy, state: down }
                  - { name: v0, kind: veth, veth: { peer: v0p } }
                  - { name: v0p, mtu: 1400 }
                  - { name: v1p, state: down }
                  - { name: v1, kind: veth, veth: { peer: v1p } }
                """));
        assertThat(s.link("d0").orElseThrow().link().state()).contains(AdminState.UP);
        assertThat(s.link("d1").orElseThrow().link().state()).contains(AdminState.DOWN);
        assertThat(s.link("v0").orElseThrow().link().state()).contains(AdminState.UP);
        // The entry of a peer another entry creates: vlinkd creates it, so it is up by default too.
        assertThat(s.link("v0p").orElseThrow().link().state()).contains(AdminState.UP);
        assertThat(s.link("v1p").orElseThrow().link().state()).contains(AdminState.DOWN);
    }

    @Test
    void theUpDefaultKeepsEveryOtherKeyOfTheEntry() {
        DesiredState s = fx().valid(fx().write("10.yaml", """
                interfaces:
                  - { name: br0, kind: bridge, adopt: true, addresses: [192.0.2.1/24], addresses-exclusive: true }
                """));
        DesiredLink br0 = s.link("br0").orElseThrow();
        assertThat(br0.link().state()).contains(AdminState.UP);
        assertThat(br0.addressesExclusive()).as("addresses-exclusive").isTrue();
        assertThat(br0.adopt()).as("adopt").isTrue();
        assertThat(br0.addresses()).hasSize(1);
    }

    @Test
    void anExistingInterfaceWithoutStateKeepsWhateverStateItHas() {
        DesiredState s = fx().valid(fx().write("10.yaml", """
                interfaces:
                  - { name: eth0, addresses: [192.0.2.1/24] }
                  - { name: eth1, state: up }
                  - { name: eth2, state: down }
                """));
        assertThat(s.link("eth0").orElseThrow().link().state()).isEmpty();
        assertThat(s.link("eth1").orElseThrow().link().state()).contains(AdminState.UP);
        assertThat(s.link("eth2").orElseThrow().link().state()).contains(AdminState.DOWN);
    }

    /** 12.10c: the MTUs a device takes belong to its kind: CAN frame sizes for vcan and vxcan. */
    @Test
    void canKindsTakeTheirFrameSizesAsMtuAndOtherKindsTheCommonRange() {
        DesiredState s = fx().valid(fx().write("10.yaml", """
                interfaces:
                  - { name: c0, kind: vcan, mtu: 16 }
                  - { name: c1, kind: vcan, mtu: 72 }
                  - { name: c2, kind: vcan, mtu: 76 }
                  - { name: c3, kind: vcan, mtu: 2060 }
                  - { name: x0, kind: vxcan, vxcan: { peer: x1 }, mtu: 72 }
                  - { name: d0, kind: dummy, mtu: 68 }
                """));
        assertThat(s.link("c0").orElseThrow().link().mtu()).contains(16);
        assertThat(s.link("c3").orElseThrow().link().mtu()).contains(2060);
        assertThat(s.link("x0").orElseThrow().link().mtu()).contains(72);
        Path bad = fx().write("20.yaml", """
                interfaces:
                  - { name: c0, kind: vcan, mtu: 17 }
                  - { name: c1, kind: vcan, mtu: 2061 }
                  - { name: x0, kind: vxcan, vxcan: { peer: x1 }, mtu: 73 }
                  - { name: d0, kind: dummy, mtu: 16 }
                  - { name: eth0, mtu: 16 }
                  - { name: d1, kind: dummy, mtu: 70000 }
                """);
        String can = " is not one of 16 (CAN), 72 (CAN FD) or 76..2060 (CAN XL, kernel 6.2+) for a ";
        assertThat(fx().problems(bad)).containsExactly(
                "20.yaml:2:34: interfaces[c0].mtu: 17" + can + "vcan",
                "20.yaml:3:34: interfaces[c1].mtu: 2061 is out of range 16..2060",
                "20.yaml:4:56: interfaces[x0].mtu: 73" + can + "vxcan",
                "20.yaml:5:35: interfaces[d0].mtu: 16 is out of range 68..65535",
                "20.yaml:6:24: interfaces[eth0].mtu: 16 is out of range 68..65535",
                "20.yaml:7:35: interfaces[d1].mtu: 70000 is out of range 68..65535");
    }

    /**
     * 12.10c: the entry without kind: that configures a peer takes its creator's kind's MTUs, wherever the creator
     * is written: a vxcan's other end the CAN frame sizes, a veth's the common range.
     */
    @Test
    void thePeersEntryTakesTheMtusOfTheKindThatCreatesIt() {
        fx().write("a/10.yaml", """
                interfaces:
                  - { name: x0, kind: vxcan, vxcan: { peer: x1 }, mtu: 72 }
                """);
        fx().write("a/20.yaml", """
                interfaces:
                  - { name: x1, mtu: 16 }
                """);
        DesiredState s = fx().valid(tmp.resolve("a"));
        assertThat(s.link("x1").orElseThrow().link().mtu()).contains(16);
        Path bad = fx().write("20.yaml", """
                interfaces:
                  - { name: x1, mtu: 20 }
                  - { name: x0, kind: vxcan, vxcan: { peer: x1 } }
                  - { name: v0, kind: veth, veth: { peer: v1 } }
                  - { name: v1, mtu: 16 }
                """);
        assertThat(fx().problems(bad)).containsExactly(
                "20.yaml:2:22: interfaces[x1].mtu: 20 is not one of 16 (CAN), 72 (CAN FD) or 76..2060 (CAN XL,"
                        + " kernel 6.2+) for a vxcan (the peer x0 creates)",
                "20.yaml:5:22: interfaces[v1].mtu: 16 is out of range 68..65535 for a veth (the peer v0 creates)");
    }

    @Test
    void commonKeysBecomeTheLinkSpec() throws Exception {
        Path f = fx().write("10.yaml", """
                interfaces:
                  - name: blue
                    kind: vrf
                    vrf: { table: 10 }
                  - name: d0
                    kind: dummy
                    mtu: 9000
                    mac: 02:AA:bb:00:00:01
                    state: down
                    master: blue
                    alias: "service: dns"
                    txqueuelen: 500
                    netns: null-ns-is-text
                """.replace("netns: null-ns-is-text\n", ""));
        DesiredState s = fx().valid(f);
        LinkSpec d0 = s.link("d0").orElseThrow().link();
        assertThat(d0.kind()).isSameAs(OptionlessKind.DUMMY);
        assertThat(d0.spec()).isEqualTo(OptionlessKind.NONE);
        assertThat(d0.mtu()).contains(9000);
        assertThat(d0.mac()).contains(MacAddress.parse("02:aa:bb:00:00:01"));
        assertThat(d0.state()).contains(AdminState.DOWN);
        assertThat(d0.master()).contains("blue");
        assertThat(d0.alias()).contains("service: dns");
        assertThat(d0.txqueuelen()).contains(500);
        assertThat(d0.link()).isEmpty();
        assertThat(d0.netns()).isEmpty();
        LinkSpec blue = s.link("blue").orElseThrow().link();
        assertThat(blue.spec()).isEqualTo(new VrfKind.VrfSpec(Optional.of(10L)));
        assertThat(s.link("d0").orElseThrow().where()).isEqualTo(new SourceLocation(f, 5, 5));
    }

    @Test
    void anEntryWithoutKindIsAnExistingInterface() {
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - name: eth0
                    mtu: 1500
                """));
        DesiredLink eth0 = s.link("eth0").orElseThrow();
        assertThat(eth0.link().isExisting()).isTrue();
        assertThat(eth0.link().spec()).isNull();
        assertThat(eth0.addressesManaged()).isFalse();
    }

    @Test
    void addressesAbsentAreUnmanagedAndEmptyListMeansNone() throws Exception {
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - name: eth0
                  - name: eth1
                    addresses: []
                  - name: eth2
                    addresses:
                      - 192.0.2.10/24
                      - "2001:db8::10/64"
                      - { address: 10.0.0.1/32, peer: 10.0.0.2, valid-lft: 3600, preferred-lft: 1800 }
                      - { address: 10.0.1.1/32, valid-lft: forever }
                """));
        assertThat(s.link("eth0").orElseThrow().addressesManaged()).isFalse();
        assertThat(s.link("eth1").orElseThrow().addressesManaged()).isTrue();
        assertThat(s.link("eth1").orElseThrow().addresses()).isEmpty();
        List<AddressSpec> a = s.link("eth2").orElseThrow().addresses();
        assertThat(a).hasSize(4);
        assertThat(a.get(0)).isEqualTo(AddressSpec.of(ip("192.0.2.10"), 24));
        assertThat(a.get(1)).isEqualTo(AddressSpec.of(ip("2001:db8::10"), 64));
        assertThat(a.get(2)).isEqualTo(new AddressSpec(ip("10.0.0.1"), 32, Optional.of(ip("10.0.0.2")),
                Optional.of(3600L), Optional.of(1800L)));
        assertThat(a.get(3).validLifetime()).isEmpty();
    }

    @Test
    void aVethPeerIsNotAReferenceAndOthersMayNameIt() {
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - { name: br0, kind: bridge }
                  - { name: v0, kind: veth, veth: { peer: v0-peer } }
                  - { name: v0-peer, master: br0, mtu: 9000 }
                  - { name: v1, kind: veth, veth: { peer: v1-peer } }
                routes:
                  - { to: 10.1.0.0/16, dev: v1-peer }
                """));
        assertThat(s.link("v0-peer").orElseThrow().link().isExisting()).isTrue();
        assertThat(s.links()).extracting(DesiredLink::name).containsExactly("br0", "v0", "v0-peer", "v1");
    }

    @Test
    void absentEntriesBecomeAbsentLinks() {
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - { name: old0, state: absent }
                """));
        assertThat(s.links()).isEmpty();
        assertThat(s.absent()).extracting(AbsentLink::name).containsExactly("old0");
    }

    @Test
    void routesBecomeRouteSpecs() throws Exception {
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - name: eth0
                routes:
                  - { to: 198.51.100.0/24, via: 192.0.2.1, dev: eth0, metric: 100, table: 10, scope: global,
                      src: 192.0.2.10, onlink: true, mtu: 1400 }
                  - { to: default, via: "2001:db8::1" }
                  - { to: 203.0.113.7, dev: eth0, table: main, scope: 253 }
                  - { to: 192.0.2.0/24, type: unreachable }
                """));
        List<RouteSpec> r = s.routes().stream().map(DesiredRoute::route).toList();
        assertThat(r.get(0)).isEqualTo(new RouteSpec(ip("198.51.100.0"), 24, Optional.of(ip("192.0.2.1")),
                Optional.of("eth0"), Optional.of(100L), Optional.of(10L), Optional.of("global"), Optional.empty(),
                Optional.of(ip("192.0.2.10")), true, Optional.of(1400)));
        assertThat(r.get(1).to()).isEqualTo(ip("::"));
        assertThat(r.get(1).prefixLength()).isZero();
        assertThat(r.get(2).prefixLength()).isEqualTo(32);
        assertThat(r.get(2).table()).contains(254L);
        assertThat(r.get(2).scope()).contains("253");
        assertThat(r.get(3).type()).contains("unreachable");
    }

    @Test
    void settingsDefaultAndOverride() {
        assertThat(fx().valid(fx().write("a.yaml", "interfaces: []\n")).settings())
                .isEqualTo(DaemonSettings.defaults());
        DaemonSettings s = fx().valid(fx().write("b.yaml", """
                settings: { drift: report, foreign: report, on-error: isolate }
                """)).settings();
        assertThat(s).isEqualTo(new DaemonSettings(DaemonSettings.DriftPolicy.REPORT,
                DaemonSettings.ForeignPolicy.REPORT, DaemonSettings.OnError.ISOLATE));
        assertThat(DaemonSettings.defaults().routeProtocol()).isEqualTo(247);
        assertThat(fx().valid(fx().write("c.yaml", "settings: { route-protocol: 200 }\n")).settings()
                .routeProtocol()).isEqualTo(200);
        assertThat(DaemonSettings.defaults().resyncInterval()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(fx().valid(fx().write("d.yaml", "settings: { resync-interval: 0 }\n")).settings()
                .resyncInterval()).isZero();
    }

    @Test
    void yaml12WordsStayWords() {
        // In YAML 1.1 "no" and "off" are booleans; in 1.2 they are text, so they are fine as an alias.
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - { name: no, alias: off }
                """));
        assertThat(s.link("no").orElseThrow().link().alias()).contains("off");
    }

    @Test
    void emptyFilesAndEmptySectionsAreEmptyConfigs() {
        assertThat(fx().valid(fx().write("a.yaml", "")).links()).isEmpty();
        assertThat(fx().valid(fx().write("b.yaml", "# only a comment\n")).links()).isEmpty();
        assertThat(fx().valid(fx().write("c.yaml", "interfaces:\nroutes:\nsettings:\n")).links()).isEmpty();
        assertThat(fx().valid(fx().write("d.yaml", "---\n...\n")).links()).isEmpty();
    }

    @Test
    void anchorsAndAliasesWithinBoundsWork() {
        DesiredState s = fx().valid(fx().write("a.yaml", """
                interfaces:
                  - &base { name: d0, kind: dummy, mtu: 9000 }
                  - { name: d1, kind: dummy, mtu: 9000, addresses: &addrs [192.0.2.1/24] }
                  - { name: d2, kind: dummy, addresses: *addrs }
                """));
        assertThat(s.link("d2").orElseThrow().addresses()).hasSize(1);
    }

    @Test
    void summaryCountsFilesInterfacesAndRoutes() {
        Path a = fx().write("d/10.yaml", "interfaces: [{name: eth0}, {name: old0, state: absent}]\n");
        fx().write("d/20.yaml", "routes: [{to: default, via: 192.0.2.1, dev: eth0}]\n");
        fx().write("d/30.yaml", "settings: {drift: report}\n");
        LoadResult r = fx().load(a.getParent());
        assertThat(((LoadResult.Valid) r).summary()).isEqualTo("3 files, 2 interfaces, 1 route: valid");
        ValidationReport report = ValidationReport.of(r);
        assertThat(report.exitCode()).isZero();
        assertThat(report.text()).isEqualTo("3 files, 2 interfaces, 1 route: valid\n");
    }

    @Test
    void aMacsecInterfaceIsValidWithAWarningThatItPassesNoTrafficWithoutKeys() {
        Path a = fx().write("m.yaml", """
                interfaces:
                  - name: eth0
                  - name: macsec0
                    kind: macsec
                    link: eth0
                """);
        LoadResult r = fx().load(a);
        assertThat(r).isInstanceOf(LoadResult.Valid.class);
        assertThat(((LoadResult.Valid) r).warnings()).singleElement().satisfies(w -> {
            assertThat(w.where()).hasToString(a + ":3:5");
            assertThat(w.key()).isEqualTo("interfaces[macsec0].kind");
            assertThat(w.message()).startsWith("macsec: vlinkd does not configure MACsec keys yet")
                    .contains("passes no traffic");
        });
        ValidationReport report = ValidationReport.of(r);
        assertThat(report.exitCode()).isZero();
        assertThat(report.lines()).hasSize(2);
        assertThat(report.lines().get(0)).startsWith(a + ":3:5: interfaces[macsec0].kind: warning: macsec: ");
        assertThat(report.lines().get(1)).isEqualTo("1 file, 2 interfaces, 0 routes: valid");
    }

    @Test
    void kindsWithoutACaveatGiveNoWarning() {
        Path a = fx().write("b.yaml", "interfaces: [{name: br0, kind: bridge}, {name: eth0}]\n");
        assertThat(((LoadResult.Valid) fx().load(a)).warnings()).isEmpty();
    }

    @Test
    void validateReportsProblemsAndACount() {
        Path a = fx().write("x.yaml", "interfaces: [{name: eth0, mtu: 1}, {name: eth1, mtu: 2}]\n");
        ValidationReport report = new ConfigLoader(LoadOptions.relaxed()).validate(List.of(a));
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.lines()).containsExactly(
                a + ":1:32: interfaces[eth0].mtu: 1 is out of range 68..65535",
                a + ":1:54: interfaces[eth1].mtu: 2 is out of range 68..65535",
                "2 problems: invalid");
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }
}
