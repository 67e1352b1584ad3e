package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.tunnel.GreKind.GreSpec;
import io.vlinkd.netlink.kind.tunnel.Ip6greKind.Ip6greSpec;
import io.vlinkd.netlink.kind.tunnel.Ip6tnlKind.Ip6tnlSpec;
import io.vlinkd.netlink.kind.tunnel.IpipKind.IpipSpec;
import io.vlinkd.netlink.kind.tunnel.VtiKind.VtiSpec;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tunnel kind's captures of {@code ip link add}: the spec config builds from the options gives the captured
 * command and bytes, and the capture decodes to the expected spec ({@link KindGolden#assertMatchesCapture}). Basic
 * captures give only the endpoints and so show iproute2's defaults for the rest.
 */
class TunnelCaptureTest {
    private static final Optional<java.net.InetAddress> LOCAL4 = Optional.of(ip("192.0.2.1"));
    private static final Optional<java.net.InetAddress> REMOTE4 = Optional.of(ip("198.51.100.1"));
    private static final Optional<java.net.InetAddress> LOCAL6 = Optional.of(ip("2001:db8::1"));
    private static final Optional<java.net.InetAddress> REMOTE6 = Optional.of(ip("2001:db8::2"));
    private static final Map<String, Object> ENDPOINTS4 = Map.of("local", LOCAL4.get(), "remote", REMOTE4.get());
    private static final Map<String, Object> ENDPOINTS6 = Map.of("local", LOCAL6.get(), "remote", REMOTE6.get());

    /** ipip and sit with only the endpoints: mode any, ttl inherit, tos 0, pmtudisc on. */
    private static final IpipSpec IPTNL4_DEFAULTS = new IpipSpec(Optional.of("any"), LOCAL4, REMOTE4,
            Optional.empty(), Optional.of(0), Optional.of(Inheritable.of(0)), Optional.of(true));
    /** gre and gretap with only the endpoints: no keys, no sequence numbers or checksums. */
    private static final GreSpec GRE_DEFAULTS = new GreSpec(LOCAL4, REMOTE4, Optional.empty(), Optional.of(0),
            Optional.of(Inheritable.of(0)), Optional.of(true), header(null, null, false, false, false, false));
    /** ip6gre and ip6gretap with only the endpoints: hop limit 64, encap limit 4. */
    private static final Ip6greSpec GRE6_DEFAULTS = new Ip6greSpec(LOCAL6, REMOTE6, Optional.empty(),
            Optional.of(64), Optional.of(Inheritable.of(0)), Optional.of(Inheritable.of(0)),
            Optional.of(EncapLimit.of(4)), header(null, null, false, false, false, false));

    /** The family's endpoints, dev p0, and the options {@code kv} (key, value, ...): the full captures' options. */
    private static Map<String, Object> onP0(Map<String, Object> endpoints, Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>(endpoints);
        m.put("dev", "p0");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static GreHeader header(Long ikey, Long okey, boolean iseq, boolean oseq, boolean icsum, boolean ocsum) {
        return new GreHeader(Optional.ofNullable(ikey), Optional.ofNullable(okey), Optional.of(iseq),
                Optional.of(oseq), Optional.of(icsum), Optional.of(ocsum));
    }

    static Stream<Arguments> captures() {
        return Stream.of(
                Arguments.of("ipip/create-basic.txt", IpipKind.INSTANCE, ENDPOINTS4, IPTNL4_DEFAULTS),
                Arguments.of("ipip/create-full.txt", IpipKind.INSTANCE, onP0(ENDPOINTS4, "mode", "ipip", "ttl", 64L,
                        "tos", "af41", "pmtudisc", true),
                        new IpipSpec(Optional.of("ipip"), LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(64),
                                Optional.of(Inheritable.of(0x88)), Optional.of(true))),
                // Inherited ttl and tos and no pmtudisc, as iproute2 sends them.
                Arguments.of("ipip/create-inherit.txt", IpipKind.INSTANCE,
                        Map.of("local", LOCAL4.get(), "ttl", 0L, "tos", "inherit", "pmtudisc", false),
                        new IpipSpec(Optional.of("any"), LOCAL4, Optional.empty(), Optional.empty(), Optional.of(0),
                                Optional.of(Inheritable.INHERIT), Optional.of(false))),
                // sit's captures include the FLAGS attribute link_iptnl.c writes for sit only.
                Arguments.of("sit/create-basic.txt", SitKind.INSTANCE, ENDPOINTS4, IPTNL4_DEFAULTS),
                Arguments.of("sit/create-full.txt", SitKind.INSTANCE, onP0(ENDPOINTS4, "mode", "ip6ip", "ttl", 255L,
                        "tos", "ef", "pmtudisc", true),
                        new IpipSpec(Optional.of("ip6ip"), LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(255),
                                Optional.of(Inheritable.of(0xb8)), Optional.of(true))),
                Arguments.of("ip6tnl/create-basic.txt", Ip6tnlKind.INSTANCE, ENDPOINTS6,
                        new Ip6tnlSpec(Optional.of("any"), LOCAL6, REMOTE6, Optional.empty(), Optional.of(64),
                                Optional.of(EncapLimit.of(4)), Optional.of(Inheritable.of(0)),
                                Optional.of(Inheritable.of(0)))),
                Arguments.of("ip6tnl/create-full.txt", Ip6tnlKind.INSTANCE, onP0(ENDPOINTS6, "mode", "ip6ip6",
                        "hoplimit", 32L,
                        "encaplimit", 8L, "tos", 0x88L, "flowlabel", 0x12345L),
                        new Ip6tnlSpec(Optional.of("ip6ip6"), LOCAL6, REMOTE6, Optional.of("p0"), Optional.of(32),
                                Optional.of(EncapLimit.of(8)), Optional.of(Inheritable.of(0x88)),
                                Optional.of(Inheritable.of(0x12345)))),
                // ipip6 with inherited settings.
                Arguments.of("ip6tnl/create-inherit.txt", Ip6tnlKind.INSTANCE, Map.of("mode", "ipip6",
                        "local", LOCAL6.get(), "remote", REMOTE6.get(), "hoplimit", 0L, "encaplimit", "none",
                        "tos", "inherit", "flowlabel", "inherit"),
                        new Ip6tnlSpec(Optional.of("ipip6"), LOCAL6, REMOTE6, Optional.empty(), Optional.of(0),
                                Optional.of(EncapLimit.NONE), Optional.of(Inheritable.INHERIT),
                                Optional.of(Inheritable.INHERIT))),
                Arguments.of("gre/create-basic.txt", GreKind.INSTANCE, ENDPOINTS4, GRE_DEFAULTS),
                Arguments.of("gre/create-full.txt", GreKind.INSTANCE, onP0(ENDPOINTS4, "ttl", 64L, "tos", "af41",
                        "pmtudisc", true, "ikey", 10L, "okey", 20L, "iseq", true, "oseq", true, "icsum", true,
                        "ocsum", true),
                        new GreSpec(LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(64),
                                Optional.of(Inheritable.of(0x88)), Optional.of(true),
                                header(10L, 20L, true, true, true, true))),
                Arguments.of("gretap/create-basic.txt", GretapKind.INSTANCE, ENDPOINTS4, GRE_DEFAULTS),
                Arguments.of("gretap/create-full.txt", GretapKind.INSTANCE, onP0(ENDPOINTS4, "ttl", 64L, "tos", "cs6",
                        "pmtudisc", false, "key", 7L, "iseq", true, "icsum", true),
                        new GreSpec(LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(64),
                                Optional.of(Inheritable.of(0xc0)), Optional.of(false),
                                header(7L, 7L, true, false, true, false))),
                Arguments.of("ip6gre/create-basic.txt", Ip6greKind.INSTANCE, ENDPOINTS6, GRE6_DEFAULTS),
                Arguments.of("ip6gre/create-full.txt", Ip6greKind.INSTANCE, onP0(ENDPOINTS6, "hoplimit", 32L,
                        "tos", "af41", "flowlabel", 0x12345L, "encaplimit", 8L, "ikey", 1L, "okey", 2L, "oseq", true,
                        "ocsum", true),
                        new Ip6greSpec(LOCAL6, REMOTE6, Optional.of("p0"), Optional.of(32),
                                Optional.of(Inheritable.of(0x88)), Optional.of(Inheritable.of(0x12345)),
                                Optional.of(EncapLimit.of(8)), header(1L, 2L, false, true, false, true))),
                Arguments.of("ip6gretap/create-basic.txt", Ip6gretapKind.INSTANCE, ENDPOINTS6, GRE6_DEFAULTS),
                Arguments.of("ip6gretap/create-full.txt", Ip6gretapKind.INSTANCE, onP0(ENDPOINTS6, "hoplimit", 255L,
                        "tos", "cs1", "flowlabel", 0xfffffL, "encaplimit", 0L, "key", 9L, "iseq", true, "oseq", true,
                        "icsum", true, "ocsum", true),
                        new Ip6greSpec(LOCAL6, REMOTE6, Optional.of("p0"), Optional.of(255),
                                Optional.of(Inheritable.of(0x20)), Optional.of(Inheritable.of(0xfffff)),
                                Optional.of(EncapLimit.of(0)), header(9L, 9L, true, true, true, true))),
                Arguments.of("vti/create-basic.txt", VtiKind.INSTANCE, ENDPOINTS4, new VtiSpec(LOCAL4, REMOTE4,
                        Optional.empty(), Optional.of(0L), Optional.of(0L))),
                Arguments.of("vti/create-full.txt", VtiKind.INSTANCE, onP0(ENDPOINTS4, "ikey", 10L, "okey", 20L),
                        new VtiSpec(LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(10L), Optional.of(20L))),
                Arguments.of("vti6/create-basic.txt", Vti6Kind.INSTANCE, ENDPOINTS6, new VtiSpec(LOCAL6, REMOTE6,
                        Optional.empty(), Optional.of(0L), Optional.of(0L))),
                Arguments.of("vti6/create-full.txt", Vti6Kind.INSTANCE, onP0(ENDPOINTS6, "key", 5L),
                        new VtiSpec(LOCAL6, REMOTE6, Optional.of("p0"), Optional.of(5L), Optional.of(5L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    <S extends KindSpec> void createMatchesIproute2AndTheCaptureDecodesToTheSpec(String capture, LinkKind<S> kind,
                                                                                 Map<String, ?> options,
                                                                                 S decoded) throws Exception {
        KindGolden.assertMatchesCapture(capture, kind, options, decoded);
    }
}
