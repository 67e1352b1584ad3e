package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.IpvlanKind.IpvlanSpec;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpvlanKindTest {
    private static final IpvlanKind IPVLAN = IpvlanKind.INSTANCE;

    private static IpvlanSpec spec(String mode, String flags) {
        return new IpvlanSpec(Optional.ofNullable(mode), Optional.ofNullable(flags));
    }

    @Test
    void createL3PrivateMatchesIproute2() throws Exception {
        KindGolden.assertCreate("ipvlan/create-l3-private.txt",
                LinkSpec.of("ipv0", IPVLAN, spec("l3", "private")).withLink("p0"));
    }

    @Test
    void createL2BridgeMatchesIproute2() throws Exception {
        KindGolden.assertCreate("ipvlan/create-l2.txt",
                LinkSpec.of("ipv0", IPVLAN, spec("l2", "bridge")).withLink("p0"));
    }

    @Test
    void createWithoutFlagsStillSendsBridgeAsIproute2Does() {
        var w = io.vlinkd.netlink.wire.MessageWriter.request(16, 0);
        IPVLAN.encodeCreate(spec("l3", null), EncodeContext.offline(), w);
        var r = w.finish("t");
        assertThat(r.locations()).extracting(io.vlinkd.netlink.wire.AttrLocation::path)
                .containsExactly("IFLA_IPVLAN_MODE", "IFLA_IPVLAN_FLAGS");
        assertThat(IPVLAN.ipArgs(spec("l3", null))).containsExactly("mode", "l3");
    }

    @Test
    void changeModeAndFlagsMatchesIproute2() throws Exception {
        KindGolden.assertChange("ipvlan/change-l3s-vepa.txt", LinkSpec.of("ipv0", IPVLAN, spec("l3s", "vepa")));
    }

    @Test
    void changeLeavesUnmanagedFlagsAlone() {
        var w = io.vlinkd.netlink.wire.MessageWriter.request(16, 0);
        IPVLAN.encodeChange(spec("l2", null), EncodeContext.offline(), w);
        assertThat(w.finish("t").locations()).extracting(io.vlinkd.netlink.wire.AttrLocation::path)
                .containsExactly("IFLA_IPVLAN_MODE");
    }

    @Test
    void ipvtapSharesTheEncodingWithItsOwnKindName() throws Exception {
        KindGolden.assertCreate("ipvtap/create-l2-vepa.txt",
                LinkSpec.of("ipvt0", IpvtapKind.INSTANCE, spec("l2", "vepa")).withLink("p0"));
        KindGolden.assertChange("ipvtap/change-l3-bridge.txt",
                LinkSpec.of("ipvt0", IpvtapKind.INSTANCE, spec("l3", "bridge")));
    }

    @Test
    void anIpvlanNeedsAParent() {
        Problems p = new Problems();
        IPVLAN.fromOptions(OptionValues.of(Map.of("mode", "l3")), new LinkCommon("ipv0", Optional.empty(),
                Optional.empty()), p);
        assertThat(p.all()).containsExactly(new Problems.Problem(null,
                "an ipvlan needs a parent: set link (the device whose MAC address it shares)"));
        Problems q = new Problems();
        IpvtapKind.INSTANCE.fromOptions(OptionValues.empty(), new LinkCommon("t", Optional.empty(), Optional.empty()),
                q);
        assertThat(q.all()).extracting(Problems.Problem::message).containsExactly(
                "an ipvtap needs a parent: set link (the device whose MAC address it shares)");
        Problems ok = new Problems();
        IPVLAN.fromOptions(OptionValues.of(Map.of("mode", "l3")), new LinkCommon("ipv0", Optional.of("eth0"),
                Optional.empty()), ok);
        assertThat(ok.isEmpty()).isTrue();
    }

    @Test
    void modeAndFlagsChangeInPlace() {
        assertThat(IPVLAN.differences(spec("l3", "private"), spec("l2", "bridge"))).containsExactly(
                new Difference("mode", "l3", "l2", Option.Change.IN_PLACE, null),
                new Difference("flags", "private", "bridge", Option.Change.IN_PLACE, null));
    }

    @Test
    void unmanagedFlagsAreNoDifference() {
        assertThat(IPVLAN.differences(spec("l3", null), spec("l3", "vepa"))).isEmpty();
    }
}
