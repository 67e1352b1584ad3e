package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.wire.MalformedMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Both directions of a golden capture for one kind: our request equals iproute2's byte for byte, our parser and the
 * kind's decoder read iproute2's IFLA_INFO_DATA back into the expected spec (naming every attribute), and
 * {@link LinkKind#ipArgs} are the words the fixture was captured from (so {@code vlinkctl plan} prints a command that
 * sends exactly our bytes).
 */
final class KindGolden {
    private KindGolden() {
    }

    /**
     * The capture's encode context, but where a request names {@code netns} it gets {@code fd}: the number ip had
     * open at capture time, which a request carries in place of the namespace's name.
     */
    static EncodeContext withNetnsFd(GoldenFixture f, String netns, int fd) {
        return new EncodeContext() {
            @Override
            public int ifindex(String name) {
                return f.context().ifindex(name);
            }

            @Override
            public int netnsFd(String name) {
                assertThat(name).isEqualTo(netns);
                return fd;
            }
        };
    }

    /** Create: decode must give back {@code spec.spec()} itself. */
    static void assertCreate(String resource, LinkSpec spec) throws MalformedMessageException {
        assertCreate(resource, spec, spec.spec());
    }

    /**
     * Create, where decoding the request gives {@code expected} rather than the spec (a veth's request carries the
     * peer's name, a dump does not).
     */
    static void assertCreate(String resource, LinkSpec spec, KindSpec expected) throws MalformedMessageException {
        GoldenFixture f = GoldenFixture.load(resource);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, f.context()));
        assertDecodes(f, spec, expected);
        assertThat(f.command()).as("ipArgs reproduce the captured command").isEqualTo(String.join(" ",
                ipCommand(spec)));
    }

    /** Change ({@code ip link set dev NAME type KIND ARGS}): decode must give back {@code spec.spec()}. */
    static void assertChange(String resource, LinkSpec spec) throws MalformedMessageException {
        assertChange(resource, spec, spec.spec());
    }

    static void assertChange(String resource, LinkSpec spec, KindSpec expected) throws MalformedMessageException {
        GoldenFixture f = GoldenFixture.load(resource);
        GoldenAssert.assertSameBytes(f, LinkRequests.change(f.ifindex().get(spec.name()), spec, f.context()));
        assertDecodes(f, spec, expected);
        assertThat(f.command()).as("ipArgs reproduce the captured command")
                .isEqualTo("ip link set dev " + spec.name() + " type " + spec.kindName() + args(spec));
    }

    /** {@code ip link add NAME [link P] [address M] type KIND ARGS}. */
    static List<String> ipCommand(LinkSpec spec) {
        List<String> cmd = new ArrayList<>(List.of("ip", "link", "add", spec.name()));
        spec.link().ifPresent(l -> {
            cmd.add("link");
            cmd.add(l);
        });
        spec.mac().ifPresent(m -> {
            cmd.add("address");
            cmd.add(m.toString());
        });
        cmd.add("type");
        cmd.add(spec.kindName());
        cmd.addAll(ipArgs(spec.kind(), spec.spec()));
        return cmd;
    }

    /** Decodes the captured request's IFLA_INFO_DATA with {@code kind}, resolving indexes as at capture time. */
    static <S extends KindSpec> S decode(LinkKind<S> kind, GoldenFixture f) throws MalformedMessageException {
        LinkMessage m = LinkMessage.decode(f.message());
        assertThat(m.kind()).as("IFLA_INFO_KIND of " + f.resource()).isEqualTo(kind.name());
        return kind.decode(m.infoData(), names(f.ifindex()));
    }

    static DecodeContext namesAtCapture(GoldenFixture f) {
        return names(f.ifindex());
    }

    static DecodeContext names(Map<String, Integer> ifindex) {
        return index -> ifindex.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey)
                .findFirst();
    }

    static <T> Optional<T> some(T v) {
        return Optional.of(v);
    }

    static <T> Optional<T> none() {
        return Optional.empty();
    }

    private static String args(LinkSpec spec) {
        String a = String.join(" ", ipArgs(spec.kind(), spec.spec()));
        return a.isEmpty() ? "" : " " + a;
    }

    private static <S extends KindSpec> List<String> ipArgs(LinkKind<S> kind, KindSpec spec) {
        return kind.ipArgs(kind.cast(spec));
    }

    private static void assertDecodes(GoldenFixture f, LinkSpec spec, KindSpec expected)
            throws MalformedMessageException {
        LinkMessage m = LinkMessage.decode(f.message());
        assertThat(m.kind()).isEqualTo(spec.kindName());
        assertThat(m.infoData().unknown(spec.kind().dataSpace())).as("attributes our space does not name").isEmpty();
        assertThat((Object) spec.kind().decode(m.infoData(), names(f.ifindex()))).as("decode of " + f.resource())
                .isEqualTo(expected);
    }
}
