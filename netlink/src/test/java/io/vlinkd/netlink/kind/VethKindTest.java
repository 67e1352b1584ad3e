package io.vlinkd.netlink.kind;

import static io.vlinkd.netlink.kind.KindGolden.none;
import static io.vlinkd.netlink.kind.KindGolden.some;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.wire.MacAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VethKindTest {
    private static final VethKind K = VethKind.INSTANCE;
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:00:02");

    static VethSpec fromConfig(Problems problems, Object... kv) {
        return ConfigOptions.spec(K, new LinkCommon("v0", Optional.empty(), Optional.empty()), problems, kv);
    }

    @Test
    void createsThePairInOneRequest() throws Exception {
        VethSpec spec = VethSpec.of("v1", none(), none());
        KindGolden.assertCreate("veth/create-peer.txt", LinkSpec.of("v0", K, spec), spec);
    }

    @Test
    void createWithBothMacsMatchesIproute2() throws Exception {
        VethSpec spec = VethSpec.of("v1", some(PEER_MAC), none());
        KindGolden.assertCreate("veth/create-peer-mac.txt",
                LinkSpec.of("v0", K, spec).withMac(MacAddress.parse("02:00:00:00:00:01")), spec);
    }

    @Test
    void peerNamespaceIsSentAsAnOpenFdInsideThePeerNest() throws Exception {
        GoldenFixture f = GoldenFixture.load("veth/create-peer-netns.txt");
        VethSpec spec = VethSpec.of("v1", some(PEER_MAC), some("vlt-golden-peer"));
        // The capture's fd (4) is whatever ip had open; resolve the name to the same number.
        EncodeContext ctx = KindGolden.withNetnsFd(f, "vlt-golden-peer", 4);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(LinkSpec.of("v0", K, spec), ctx));
        // The request names the namespace only by fd: decode sees the peer's name and MAC, not the namespace.
        assertThat(KindGolden.decode(K, f)).isEqualTo(VethSpec.of("v1", some(PEER_MAC), none()));
        assertThat(String.join(" ", KindGolden.ipCommand(LinkSpec.of("v0", K, spec)))).isEqualTo(f.command());
    }

    @Test
    void aChangeOfCommonSettingsCarriesNoVethData() throws Exception {
        GoldenFixture f = GoldenFixture.load("veth/change-mtu.txt");
        LinkSpec spec = LinkSpec.of("v0", K, VethSpec.of("v1", some(PEER_MAC), none())).withMtu(1400);
        GoldenAssert.assertSameBytes(f, LinkRequests.change(f.ifindex().get("v0"), spec, f.context()));
    }

    @Test
    void decodesThePeerNameFromIflaLinkInTheSameNamespace() throws Exception {
        DecodeContext ctx = DecodeContext.forLink(i -> i == 2 ? some("v1") : none(), 2, null);
        assertThat(K.decode(io.vlinkd.netlink.wire.Attrs.empty(), ctx))
                .isEqualTo(new VethSpec(some("v1"), none(), none(), none()));
    }

    @Test
    void decodesAPeerElsewhereAsItsNetnsId() throws Exception {
        DecodeContext ctx = DecodeContext.forLink(i -> none(), 2, 0);
        assertThat(K.decode(io.vlinkd.netlink.wire.Attrs.empty(), ctx))
                .isEqualTo(new VethSpec(none(), none(), none(), some(0)));
    }

    @Test
    void requiresAPeerName() {
        Problems p = new Problems();
        fromConfig(p, "peer-mac", PEER_MAC);
        assertThat(p.all()).containsExactly(new Problems.Problem(null,
                "a veth needs a peer name (veth: { peer: NAME }): the pair is created as one unit"));
    }

    @Test
    void rejectsAPeerWithItsOwnName() {
        Problems p = new Problems();
        fromConfig(p, "peer", "v0");
        assertThat(p.all()).containsExactly(new Problems.Problem("peer",
                "the peer of v0 cannot have the same name in the same namespace"));
    }

    @Test
    void rejectsAMulticastPeerMac() {
        Problems p = new Problems();
        fromConfig(p, "peer", "v1", "peer-mac", MacAddress.parse("01:00:5e:00:00:01"));
        assertThat(p.all()).containsExactly(new Problems.Problem("peer-mac",
                "peer-mac 01:00:5e:00:00:01 is not a unicast address"));
    }

    @Test
    void rejectsAPathAsPeerNetns() {
        Problems p = new Problems();
        fromConfig(p, "peer", "v1", "peer-netns", "/run/netns/blue");
        assertThat(p.all()).containsExactly(new Problems.Problem("peer-netns",
                "peer-netns must be a namespace name as ip netns shows it, not /run/netns/blue"));
    }

    @Test
    void noDifferenceWhenThePeerIsWhereItShouldBe() {
        VethSpec desired = VethSpec.of("v1", some(PEER_MAC), none());
        assertThat(K.differences(desired, new VethSpec(some("v1"), none(), none(), none()))).isEmpty();
    }

    @Test
    void peerMacAndPeerNamespaceNameAreNotObservableSoNotDrift() {
        VethSpec desired = VethSpec.of("v1", some(PEER_MAC), some("blue"));
        assertThat(K.differences(desired, new VethSpec(none(), none(), none(), some(3)))).isEmpty();
    }

    @Test
    void recreatesWhenThePeerHasAnotherName() {
        assertThat(K.differences(VethSpec.of("v1", none(), none()), new VethSpec(some("v9"), none(), none(), none())))
                .extracting(Difference::key, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("peer", Option.Change.RECREATE));
    }

    @Test
    void recreatesWhenThePeerIsHereButShouldBeElsewhere() {
        assertThat(K.differences(VethSpec.of("v1", none(), some("blue")),
                new VethSpec(some("v1"), none(), none(), none())))
                .extracting(Difference::key, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("peer-netns", Option.Change.RECREATE));
    }

    @Test
    void recreatesWhenThePeerIsElsewhereButShouldBeHere() {
        assertThat(K.differences(VethSpec.of("v1", none(), none()), new VethSpec(none(), none(), none(), some(1))))
                .extracting(Difference::key, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("peer", Option.Change.RECREATE));
    }

    @Test
    void everyOptionIsCreateOnly() {
        assertThat(K.options()).allMatch(o -> o.change() == Option.Change.RECREATE);
    }
}
