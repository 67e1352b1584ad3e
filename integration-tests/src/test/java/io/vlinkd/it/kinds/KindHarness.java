package io.vlinkd.it.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a {@link KindCase} against the kernel, in a fresh {@link TestNamespace}: creates the link through vlinkd
 * ({@link LinkRequests} over a {@link NetlinkSocket}), reads it back with {@code ip -j -d link show} and compares
 * every expected field, dumps it through our own layer and checks that the kind's decoder sees no difference from
 * the spec, changes each in-place option and checks again, checks that the kernel refuses (or accepts and
 * ignores) what the kind marks re-create, deletes the link and checks it is gone. Kinds the kernel lacks are skipped with an assumption that
 * says so (the full-kernel lane fails on such skips).
 *
 * <p>The pieces are public for cases that need more than a {@link KindCase} (a veth peer in a second namespace).
 */
public final class KindHarness {
    private KindHarness() {
    }

    public static void run(KindCase c) throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create()) {
            for (String[] args : c.setup) {
                ns.ip(args);
            }
            Assumptions.assumeTrue(c.probe.test(ns), c.kindProbeWhy);
            try (NetlinkSocket sock = open(ns)) {
                run(c, ns, sock);
            }
        }
    }

    public static NetlinkSocket open(TestNamespace ns) throws NetlinkException {
        return NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named(ns.name()));
    }

    static void run(KindCase c, TestNamespace ns, NetlinkSocket sock) throws Exception {
        LinkSpec spec = c.spec;
        String name = spec.name();
        create(ns, sock, spec);
        assertFields(ns, name, c.expect);
        KindSpec observed = assertNoDifference(ns, sock, spec);

        Map<String, Object> expected = new HashMap<>(c.expect);
        for (KindCase.Change change : c.changes) {
            LinkSpec next = withKindSpec(spec, change.spec());
            List<Difference> diffs = differences(next, observed);
            assertThat(diffs).as("the change to %s must differ from what the kernel has", change.spec()).isNotEmpty();
            assertThat(diffs).as("the kind must classify this change as in place").allMatch(
                    d -> d.change() == Option.Change.IN_PLACE);
            change(ns, sock, next);
            expected.putAll(change.expect());
            assertFields(ns, name, expected);
            observed = assertNoDifference(ns, sock, next);
        }

        for (KindCase.Refusal refusal : c.refusals) {
            LinkSpec next = withKindSpec(spec, refusal.spec());
            assertThat(differences(next, observed)).as("the kind must classify %s as re-create", refusal.spec())
                    .anyMatch(d -> d.change() == Option.Change.RECREATE);
            try (KernelContext ctx = new KernelContext(ns)) {
                NlRequest inPlace = changeWithCreateAttributes(index(ns, name), next, ctx);
                assertThatThrownBy(() -> sock.execute(inPlace)).as("the kernel must refuse %s in place", refusal.spec())
                    .isInstanceOf(NetlinkException.class).hasMessageContaining(refusal.kernelSays());
            }
        }

        for (KindSpec quiet : c.ignored) {
            LinkSpec next = withKindSpec(spec, quiet);
            assertThat(differences(next, observed)).as("the kind must classify %s as re-create", quiet)
                    .anyMatch(d -> d.change() == Option.Change.RECREATE);
            try (KernelContext ctx = new KernelContext(ns)) {
                sock.execute(changeWithCreateAttributes(index(ns, name), next, ctx));
            }
            assertThat(differences(next, observe(sock, next))).as("the kernel must have ignored %s", quiet)
                    .anyMatch(d -> d.change() == Option.Change.RECREATE);
        }

        delete(ns, sock, name);
        for (String other : c.goneWithIt) {
            assertThat(ns.link(other)).as("%s goes with %s", other, name).isNull();
        }
    }

    /** Creates the link through {@link LinkRequests#create} and checks that it exists. */
    public static void create(TestNamespace ns, NetlinkSocket sock, LinkSpec spec) throws NetlinkException {
        try (KernelContext ctx = new KernelContext(ns)) {
            sock.execute(LinkRequests.create(spec, ctx));
        }
        assertThat(ns.link(spec.name())).as("%s after create", spec.name()).isNotNull();
    }

    /** Applies {@link LinkRequests#change} to the existing link. */
    public static void change(TestNamespace ns, NetlinkSocket sock, LinkSpec spec) throws NetlinkException {
        try (KernelContext ctx = new KernelContext(ns)) {
            sock.execute(LinkRequests.change(index(ns, spec.name()), spec, ctx));
        }
    }

    /** Deletes the link through {@link LinkRequests#delete} and checks that it is gone. */
    public static void delete(TestNamespace ns, NetlinkSocket sock, String name) throws NetlinkException {
        sock.execute(LinkRequests.delete(index(ns, name), name));
        assertThat(ns.link(name)).as("%s after delete", name).isNull();
    }

    /** Compares each field with {@code ip -j -d link show dev NAME}. */
    public static void assertFields(TestNamespace ns, String name, Map<String, Object> fields) {
        JsonNode link = ns.link(name);
        assertThat(link).as("link %s", name).isNotNull();
        JsonNode data = link.path("linkinfo").path("info_data");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            JsonNode v = e.getKey().startsWith("/") ? link.at(e.getKey()) : data.at("/" + e.getKey());
            assertThat(v.isMissingNode() ? null : v.asText()).as("%s %s in ip -j -d link show: %s", name,
                    e.getKey(), link).isEqualTo(e.getValue() == null ? null : String.valueOf(e.getValue()));
        }
    }

    /** Dumps the link through our layer, decodes it with its kind, and asserts that nothing differs from spec. */
    public static KindSpec assertNoDifference(TestNamespace ns, NetlinkSocket sock, LinkSpec spec)
            throws Exception {
        KindSpec observed = observe(sock, spec);
        assertThat(differences(spec, observed)).as("differences between %s and the kernel's %s", spec.spec(),
                observed).isEmpty();
        return observed;
    }

    /** The kind spec our decoder reads from a dump of {@code spec.name()}. */
    public static KindSpec observe(NetlinkSocket sock, LinkSpec spec) throws Exception {
        Map<Integer, String> names = new HashMap<>();
        LinkMessage mine = null;
        for (NlMessage m : sock.dump(LinkRequests.dump())) {
            LinkMessage l = LinkMessage.decode(m);
            names.put(l.index(), l.name());
            if (spec.name().equals(l.name())) {
                mine = l;
            }
        }
        assertThat(mine).as("%s in our dump", spec.name()).isNotNull();
        assertThat(mine.kind()).isEqualTo(spec.kind().name());
        DecodeContext ctx = DecodeContext.forLink(i -> Optional.ofNullable(names.get(i)), mine.link(),
                mine.linkNetnsId());
        return spec.kind().decode(mine.infoData(), ctx);
    }

    static List<Difference> differences(LinkSpec desired, KindSpec observed) {
        return desired.kind().typed(desired.spec()).differences(observed);
    }

    /**
     * A change request that carries the create attributes (what {@link LinkKind#encodeChange} leaves out), to show
     * that the kernel refuses them in place.
     */
    static NlRequest changeWithCreateAttributes(int index, LinkSpec spec, EncodeContext ctx) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, Netlink.NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        LinkKind<?> kind = spec.kind();
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, kind.name());
            try (var data = w.nest(Ifla.IFLA_INFO_DATA)) {
                kind.typed(spec.spec()).encodeCreate(ctx, w);
            }
        }
        return w.finish("RTM_NEWLINK " + spec.name() + " (" + kind.name() + ", create attributes in place)");
    }

    static int index(TestNamespace ns, String name) {
        JsonNode link = ns.link(name);
        assertThat(link).as("link %s", name).isNotNull();
        return link.get("ifindex").asInt();
    }

    static LinkSpec withKindSpec(LinkSpec s, KindSpec spec) {
        return new LinkSpec(s.name(), s.kind(), spec, s.mtu(), s.mac(), s.state(), s.master(), s.link(), s.alias(),
                s.txqueuelen(), s.netns());
    }
}
