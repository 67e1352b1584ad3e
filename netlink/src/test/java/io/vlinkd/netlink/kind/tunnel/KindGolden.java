package io.vlinkd.netlink.kind.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.wire.MalformedMessageException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Both directions of a golden capture for one kind: our parser + decode read it, our encoder writes it. */
final class KindGolden {
    private KindGolden() {
    }

    /** The capture decodes (our parser, then the kind's decode) to {@code decoded}. */
    static <S extends KindSpec> void assertDecodes(GoldenFixture f, LinkKind<S> kind, S decoded)
            throws MalformedMessageException {
        LinkMessage m = LinkMessage.decode(f.message());
        assertThat(m.kind()).isEqualTo(kind.name());
        assertThat(m.infoData().unknown(kind.dataSpace())).as("attributes our table does not know").isEmpty();
        Map<Integer, String> names = f.ifindex().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        DecodeContext ctx = index -> Optional.ofNullable(names.get(index));
        assertThat(kind.decode(m.infoData(), ctx)).isEqualTo(decoded);
    }

    /** {@code ip link add} of {@code link} is byte for byte the capture. */
    static void assertCreates(GoldenFixture f, LinkSpec link) {
        GoldenAssert.assertSameBytes(f, LinkRequests.create(link, f.context()));
    }

    /** The command in the capture is {@code ip link add NAME type KIND} + the kind's ipArgs. */
    static <S extends KindSpec> void assertIpArgs(GoldenFixture f, LinkKind<S> kind, S spec) {
        assertThat(f.command()).endsWith("type " + kind.name()
                + (kind.ipArgs(spec).isEmpty() ? "" : " " + String.join(" ", kind.ipArgs(spec))));
    }
}
