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
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.RawAttr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Both directions of a golden capture for one kind: our parser + decode read it, our encoder writes it. */
final class KindGolden {
    private KindGolden() {
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The spec config would build from these option values; fails on any validation problem. */
    static <S extends KindSpec> S spec(LinkKind<S> kind, Map<String, ?> options) {
        Problems p = new Problems();
        S s = kind.fromOptions(OptionValues.of(options), common(), p);
        assertThat(p.all()).as("problems").isEmpty();
        return s;
    }

    /** The problems config would report for these option values. */
    static List<Problems.Problem> problems(LinkKind<?> kind, Map<String, ?> options) {
        Problems p = new Problems();
        kind.fromOptions(OptionValues.of(options), common(), p);
        return p.all();
    }

    private static LinkCommon common() {
        return new LinkCommon("t0", Optional.empty(), Optional.empty());
    }

    /** Decodes the capture's IFLA_INFO_DATA as the kernel would dump the link (names from capture time). */
    static <S extends KindSpec> S decoded(GoldenFixture f, LinkKind<S> kind) throws MalformedMessageException {
        Map<Integer, String> names = f.ifindex().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        return kind.decode(LinkMessage.decode(f.message()).infoData(), index -> Optional.ofNullable(names.get(index)));
    }

    /**
     * A change encoded from {@code changeFrom(desired, observed)} carries the same attributes as the capture of
     * create (iproute2's change path re-sends the whole set: see the tunnel kinds' class comments), and decodes to
     * the merged spec.
     */
    static <S extends KindSpec> S assertChangeSendsWholeSet(GoldenFixture createCapture, LinkKind<S> kind,
                                                            S desired) throws MalformedMessageException {
        S observed = decoded(createCapture, kind);
        S merged = kind.changeFrom(desired, observed);
        NlMessage change = NlMessage.parseOne(LinkRequests.change(7, LinkSpec.of("t0", kind, merged),
                createCapture.context()).bytes());
        Attrs sent = LinkMessage.decode(change).infoData();
        assertThat(sent.all().stream().map(RawAttr::type).toList()).as("attributes, in order").isEqualTo(
                LinkMessage.decode(createCapture.message()).infoData().all().stream().map(RawAttr::type).toList());
        Map<Integer, String> names = createCapture.ifindex().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        assertThat(kind.decode(sent, index -> Optional.ofNullable(names.get(index)))).isEqualTo(merged);
        return merged;
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

    /**
     * The capture of create and the spec config builds from {@code options} agree both ways: the command and the
     * bytes are ours for that spec (named t0), and the capture decodes to {@code decoded}.
     */
    static <S extends KindSpec> void assertMatchesCapture(String capture, LinkKind<S> kind, Map<String, ?> options,
                                                          S decoded) throws MalformedMessageException {
        GoldenFixture f = GoldenFixture.load(capture);
        assertCreatesWithIpArgs(f, kind, spec(kind, options));
        assertDecodes(f, kind, decoded);
    }

    /** The capture is {@code ip link add t0 type KIND} + the kind's ipArgs for {@code spec}, byte for byte. */
    static <S extends KindSpec> void assertCreatesWithIpArgs(GoldenFixture f, LinkKind<S> kind, S spec) {
        assertIpArgs(f, kind, spec);
        assertCreates(f, LinkSpec.of("t0", kind, spec));
    }

    /** The command in the capture is {@code ip link add NAME type KIND} + the kind's ipArgs. */
    static <S extends KindSpec> void assertIpArgs(GoldenFixture f, LinkKind<S> kind, S spec) {
        assertThat(f.command()).endsWith("type " + kind.name()
                + (kind.ipArgs(spec).isEmpty() ? "" : " " + String.join(" ", kind.ipArgs(spec))));
    }
}
