package io.vlinkd.netlink.kind;

import static io.vlinkd.netlink.kind.KindGolden.none;
import static io.vlinkd.netlink.kind.KindGolden.some;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vlinkd.netlink.link.LinkSpec;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * geneve against iproute2 6.1's {@code ip link add ... type geneve} (golden/geneve/, captured on this host, whose
 * kernel lacks geneve: iproute2 sends the request before the kernel refuses it), its rules and its changes. The
 * kernel tests (the full-kernel lane): GeneveKernelTest.
 */
class GeneveKindTest {
    private static final GeneveKind K = GeneveKind.INSTANCE;
    private static final LinkCommon COMMON = new LinkCommon("gnv0", Optional.empty(), Optional.empty());

    static GeneveSpec fromConfig(Problems problems, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Integer n ? (Object) (long) n : v);
        }
        return K.fromOptions(OptionValues.of(m), COMMON, problems);
    }

    static GeneveSpec fromConfig(Object... kv) {
        Problems p = new Problems();
        GeneveSpec s = fromConfig(p, kv);
        assertThat(p.all()).isEmpty();
        return s;
    }

    private static InetAddress ip(String a) throws Exception {
        return InetAddress.getByName(a);
    }

    /** What a create request of {@code id} and {@code remote} reads back as: iproute2 sends label, ttl and tos 0. */
    private static GeneveSpec sent(Long id, InetAddress remote, long ttl, boolean inherit, long tos,
                                   Optional<String> df, long label, Optional<Long> port, boolean external,
                                   Optional<Boolean> udpcsum, Optional<Boolean> tx, Optional<Boolean> rx,
                                   boolean inner) {
        return new GeneveSpec(some(id), Optional.ofNullable(remote), inherit ? none() : some(ttl), some(inherit),
                some(tos), df, some(label), port, some(external), udpcsum, tx, rx, some(inner));
    }

    @Test
    void aTunnelToOneRemoteMatchesIproute2() throws Exception {
        GeneveSpec spec = fromConfig("id", 42, "remote", ip("192.0.2.2"));
        KindGolden.assertCreate("geneve/create-basic.txt", LinkSpec.of("gnv0", K, spec),
                sent(42L, ip("192.0.2.2"), 0, false, 0, none(), 0, none(), false, none(), none(), none(), false));
    }

    @Test
    void everyIpv4OptionMatchesIproute2() throws Exception {
        GeneveSpec spec = fromConfig("id", 42, "remote", ip("192.0.2.2"), "ttl", 64, "tos", 0x10, "df", "set",
                "dstport", 6082, "udpcsum", true);
        KindGolden.assertCreate("geneve/create-all.txt", LinkSpec.of("gnv0", K, spec),
                sent(42L, ip("192.0.2.2"), 64, false, 0x10, some("set"), 0, some(6082L), false, some(true), none(),
                        none(), false));
    }

    @Test
    void anIpv6RemoteWithTtlInheritLabelAndZeroChecksums() throws Exception {
        GeneveSpec spec = fromConfig("id", 7, "remote", ip("2001:db8::2"), "ttl", "inherit", "label", 0x12345,
                "udp6zerocsumtx", true, "udp6zerocsumrx", true);
        KindGolden.assertCreate("geneve/create-v6.txt", LinkSpec.of("gnv0", K, spec),
                sent(7L, ip("2001:db8::2"), 0, true, 0, none(), 0x12345, none(), false, none(), some(true),
                        some(true), false));
    }

    @Test
    void externalAndInnerProtoInherit() throws Exception {
        GeneveSpec external = fromConfig("external", true);
        KindGolden.assertCreate("geneve/create-ext.txt", LinkSpec.of("gnv0", K, external),
                sent(0L, null, 0, false, 0, none(), 0, none(), true, none(), none(), none(), false));
        GeneveSpec inner = fromConfig("id", 9, "remote", ip("192.0.2.9"), "inner-proto-inherit", true);
        KindGolden.assertCreate("geneve/create-inner.txt", LinkSpec.of("gnv0", K, inner),
                sent(9L, ip("192.0.2.9"), 0, false, 0, none(), 0, none(), false, none(), none(), none(), true));
    }

    @Test
    void needsAnIdAndARemoteOrExternalAndChecksumsOfItsFamily() throws Exception {
        Problems p = new Problems();
        fromConfig(p, "id", 42);
        fromConfig(p, "external", true, "id", 42);
        fromConfig(p, "id", 42, "remote", ip("239.1.1.1"));
        fromConfig(p, "id", 42, "remote", ip("192.0.2.2"), "label", 5, "udp6zerocsumrx", false);
        fromConfig(p, "id", 42, "remote", ip("2001:db8::2"), "udpcsum", true);
        assertThat(p.all()).extracting(Problems.Problem::key).containsExactly(null, "id", "remote", "label",
                "udp6zerocsumrx", "udpcsum");
    }

    /** As the kernel dumps a v4 tunnel made with id and remote only. */
    private static GeneveSpec dumped() throws Exception {
        return new GeneveSpec(some(42L), some(ip("192.0.2.2")), some(0L), some(false), some(0L), some("unset"),
                some(0L), some(6081L), some(false), some(false), none(), some(true), some(false));
    }

    @Test
    void theRemoteTtlTosDfAndLabelChangeInPlaceTheRestRecreates() throws Exception {
        assertThat(K.differences(fromConfig("id", 42, "remote", ip("192.0.2.2")), dumped())).isEmpty();
        assertThat(K.differences(fromConfig("id", 42, "remote", ip("192.0.2.3"), "ttl", 64, "df", "inherit"),
                dumped())).extracting(Difference::key, Difference::change).containsExactly(
                tuple("remote", Option.Change.IN_PLACE), tuple("ttl", Option.Change.IN_PLACE),
                tuple("df", Option.Change.IN_PLACE));
        assertThat(K.differences(fromConfig("id", 43, "remote", ip("2001:db8::3"), "dstport", 6082), dumped()))
                .extracting(Difference::key, Difference::change).containsExactly(
                        tuple("id", Option.Change.RECREATE), tuple("remote", Option.Change.RECREATE),
                        tuple("dstport", Option.Change.RECREATE));
    }

    @Test
    void aChangeSendsOnlyWhatItCarries() throws Exception {
        io.vlinkd.netlink.wire.MessageWriter w = io.vlinkd.netlink.wire.MessageWriter.request(16, 0);
        K.encodeChange(K.restrict(fromConfig("id", 42, "remote", ip("192.0.2.3"), "ttl", 64, "dstport", 6082),
                java.util.List.of("remote", "ttl")), io.vlinkd.netlink.kind.EncodeContext.offline(), w);
        byte[] bytes = w.finish("x").bytes();
        io.vlinkd.netlink.wire.Attrs sent = io.vlinkd.netlink.wire.Attrs.parse(bytes, 16, bytes.length - 16);
        assertThat(sent.all()).extracting(io.vlinkd.netlink.wire.RawAttr::type).containsExactly(2, 3);
    }
}
