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
 * Both directions of a golden capture for one kind: our parser and the kind's decoder read iproute2's request into
 * the expected spec, and {@link LinkRequests} writes the same bytes for it (sequence number and port id aside).
 */
final class KindGolden {
    private KindGolden() {
    }

    /** Decodes the captured request's IFLA_INFO_DATA with {@code kind}, resolving indexes as at capture time. */
    static <S extends KindSpec> S decode(LinkKind<S> kind, GoldenFixture f) throws MalformedMessageException {
        LinkMessage m = LinkMessage.decode(f.message());
        assertThat(m.kind()).as("IFLA_INFO_KIND of " + f.resource()).isEqualTo(kind.name());
        return kind.decode(m.infoData(), namesAtCapture(f));
    }

    static DecodeContext namesAtCapture(GoldenFixture f) {
        return index -> f.ifindex().entrySet().stream().filter(e -> e.getValue() == index)
                .map(Map.Entry::getKey).findFirst();
    }

    /** Asserts that decode gives {@code expected} and that create(spec) gives the captured bytes. */
    static <S extends KindSpec> void assertCreate(String resource, LinkSpec spec, S expected) throws Exception {
        GoldenFixture f = GoldenFixture.load(resource);
        assertThat((Object) decode(KindGolden.<S>castKind(spec), f)).as("decode of " + resource).isEqualTo(expected);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, f.context()));
        assertThat(String.join(" ", ipCommand(spec))).isEqualTo(f.command());
    }

    /** Asserts that decode gives {@code expected} and that change(index of the link, spec) gives the bytes. */
    static <S extends KindSpec> void assertChange(String resource, LinkSpec spec, S expected) throws Exception {
        GoldenFixture f = GoldenFixture.load(resource);
        assertThat((Object) decode(KindGolden.<S>castKind(spec), f)).as("decode of " + resource).isEqualTo(expected);
        int index = f.ifindex().get(spec.name());
        GoldenAssert.assertSameBytes(f, LinkRequests.change(index, spec, f.context()));
    }

    /** {@code ip link add [link P name] NAME [address M] type KIND ARGS}: the command the fixture names, from ipArgs. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static java.util.List<String> ipCommand(LinkSpec spec) {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("ip", "link", "add"));
        spec.link().ifPresentOrElse(l -> cmd.addAll(java.util.List.of("link", l, "name", spec.name())),
                () -> cmd.add(spec.name()));
        spec.mac().ifPresent(m -> {
            cmd.add("address");
            cmd.add(m.toString());
        });
        cmd.add("type");
        cmd.add(spec.kind().name());
        cmd.addAll(((LinkKind) spec.kind()).ipArgs(spec.spec()));
        return cmd;
    }

    @SuppressWarnings("unchecked")
    private static <S extends KindSpec> LinkKind<S> castKind(LinkSpec spec) {
        return (LinkKind<S>) spec.kind();
    }

    static <T> Optional<T> some(T v) {
        return Optional.of(v);
    }

    static <T> Optional<T> none() {
        return Optional.empty();
    }
}
