package io.vlinkd.netlink.kind;

import static io.vlinkd.netlink.kind.KindGolden.none;
import static io.vlinkd.netlink.kind.KindGolden.some;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.wire.Attrs;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VxcanKindTest {
    private static final VxcanKind K = VxcanKind.INSTANCE;

    static VxcanSpec fromConfig(Problems p, Map<String, Object> m) {
        return K.fromOptions(OptionValues.of(m), new LinkCommon("vxcan0", Optional.empty(), Optional.empty()), p);
    }

    @Test
    void createsThePairInOneRequest() throws Exception {
        VxcanSpec spec = VxcanSpec.of("vxcan1", none());
        KindGolden.assertCreate("vxcan/create-peer.txt", LinkSpec.of("vxcan0", K, spec), spec);
    }

    @Test
    void peerNamespaceIsSentAsAnOpenFdInsideThePeerNest() throws Exception {
        GoldenFixture f = GoldenFixture.load("vxcan/create-peer-netns.txt");
        VxcanSpec spec = VxcanSpec.of("vxcan1", some("vlt-golden-peer"));
        EncodeContext ctx = KindGolden.withNetnsFd(f, "vlt-golden-peer", 4);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(LinkSpec.of("vxcan0", K, spec), ctx));
        assertThat(KindGolden.decode(K, f)).isEqualTo(VxcanSpec.of("vxcan1", none()));
        assertThat(String.join(" ", KindGolden.ipCommand(LinkSpec.of("vxcan0", K, spec)))).isEqualTo(f.command());
    }

    @Test
    void decodesThePeerFromIflaLink() throws Exception {
        assertThat(K.decode(Attrs.empty(), DecodeContext.forLink(i -> some("vxcan1"), 5, null)))
                .isEqualTo(new VxcanSpec(some("vxcan1"), none(), none()));
        assertThat(K.decode(Attrs.empty(), DecodeContext.forLink(i -> none(), 5, 2)))
                .isEqualTo(new VxcanSpec(none(), none(), some(2)));
    }

    @Test
    void requiresAPeerName() {
        Problems p = new Problems();
        fromConfig(p, Map.of("peer-netns", "blue"));
        assertThat(p.all()).containsExactly(new Problems.Problem(null,
                "a vxcan needs a peer name (vxcan: { peer: NAME }): the pair is created as one unit"));
    }

    @Test
    void rejectsAPeerWithItsOwnNameInTheSameNamespace() {
        Problems p = new Problems();
        fromConfig(p, Map.of("peer", "vxcan0"));
        assertThat(p.all()).containsExactly(new Problems.Problem("peer",
                "the peer of vxcan0 cannot have the same name in the same namespace"));
        Problems elsewhere = new Problems();
        fromConfig(elsewhere, Map.of("peer", "vxcan0", "peer-netns", "blue"));
        assertThat(elsewhere.all()).isEmpty();
    }

    @Test
    void peerNamespaceNameIsNotObservableSoNotDrift() {
        assertThat(K.differences(VxcanSpec.of("vxcan1", some("blue")), new VxcanSpec(none(), none(), some(1))))
                .isEmpty();
    }

    @Test
    void recreatesWhenThePeerDiffers() {
        assertThat(K.differences(VxcanSpec.of("vxcan1", none()), new VxcanSpec(some("other"), none(), none())))
                .extracting(Difference::key, Difference::change).containsExactly(tuple("peer",
                        Option.Change.RECREATE));
        assertThat(K.differences(VxcanSpec.of("vxcan1", some("blue")), new VxcanSpec(some("vxcan1"), none(), none())))
                .extracting(Difference::key, Difference::change).containsExactly(tuple("peer-netns",
                        Option.Change.RECREATE));
    }

    @Test
    void everyOptionIsCreateOnly() {
        assertThat(K.options()).allMatch(o -> o.change() == Option.Change.RECREATE);
    }
}
