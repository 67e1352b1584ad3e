package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.wire.MalformedMessageException;
import java.util.Map;
import java.util.Optional;

/**
 * Both directions of a golden fixture for one kind: our request equals iproute2's byte for byte, our decoder reads
 * iproute2's IFLA_INFO_DATA back into the spec, and {@link LinkKind#ipArgs} are the words the fixture was captured
 * from (so {@code vlinkctl plan} prints a command that sends exactly our bytes).
 */
final class KindGolden {
    private KindGolden() {
    }

    /** {@code ip link add NAME [link P] type KIND ARGS}. */
    static void assertCreate(String resource, LinkSpec spec) throws MalformedMessageException {
        GoldenFixture f = GoldenFixture.load(resource);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, f.context()));
        assertDecodes(f, spec);
        String expected = "ip link add " + spec.name() + spec.link().map(l -> " link " + l).orElse("") + " type "
                + spec.kindName() + args(spec);
        assertThat(f.command()).as("ipArgs reproduce the captured command").isEqualTo(expected);
    }

    /** {@code ip link set dev NAME type KIND ARGS}. */
    static void assertChange(String resource, LinkSpec spec) throws MalformedMessageException {
        GoldenFixture f = GoldenFixture.load(resource);
        GoldenAssert.assertSameBytes(f, LinkRequests.change(f.ifindex().get(spec.name()), spec, f.context()));
        assertDecodes(f, spec);
        assertThat(f.command()).as("ipArgs reproduce the captured command")
                .isEqualTo("ip link set dev " + spec.name() + " type " + spec.kindName() + args(spec));
    }

    private static String args(LinkSpec spec) {
        String a = String.join(" ", ipArgs(spec.kind(), spec.spec()));
        return a.isEmpty() ? "" : " " + a;
    }

    private static <S extends KindSpec> java.util.List<String> ipArgs(LinkKind<S> kind, KindSpec spec) {
        return kind.ipArgs(kind.cast(spec));
    }

    private static void assertDecodes(GoldenFixture f, LinkSpec spec) throws MalformedMessageException {
        LinkMessage m = LinkMessage.decode(f.message());
        assertThat(m.kind()).isEqualTo(spec.kindName());
        assertThat(m.infoData().unknown(spec.kind().dataSpace())).as("attributes our space does not name").isEmpty();
        assertThat(spec.kind().decode(m.infoData(), names(f.ifindex()))).as("decode of iproute2's request")
                .isEqualTo(spec.spec());
    }

    static DecodeContext names(Map<String, Integer> ifindex) {
        return index -> ifindex.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey)
                .findFirst().or(Optional::empty);
    }
}
