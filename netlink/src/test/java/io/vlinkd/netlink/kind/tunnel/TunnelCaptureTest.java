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

    private static GreHeader header(Long ikey, Long okey, boolean iseq, boolean oseq, boolean icsum, boolean ocsum) {
        return new GreHeader(Optional.ofNullable(ikey), Optional.ofNullable(okey), Optional.of(iseq),
                Optional.of(oseq), Optional.of(icsum), Optional.of(ocsum));
    }

    static Stream<Arguments> captures() {
        return Stream.of(
                Arguments.of("ipip/create-basic.txt", IpipKind.INSTANCE, ENDPOINTS4, IPTNL4_DEFAULTS),
                Arguments.of("ipip/create-full.txt", IpipKind.INSTANCE, Map.of("mode", "ipip", "local", LOCAL4.get(),
                        "remote", REMOTE4.get(), "dev", "p0", "ttl", 64L, "tos", "af41", "pmtudisc", true),
                        new IpipSpec(Optional.of("ipip"), LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(64),
                                Optional.of(Inheritable.of(0x88)), Optional.of(true))),
                // Inherited ttl and tos and no pmtudisc, as iproute2 sends them.
                Arguments.of("ipip/create-inherit.txt", IpipKind.INSTANCE,
                        Map.of("local", LOCAL4.get(), "ttl", 0L, "tos", "inherit", "pmtudisc", false),
                        new IpipSpec(Optional.of("any"), LOCAL4, Optional.empty(), Optional.empty(), Optional.of(0),
                                Optional.of(Inheritable.INHERIT), Optional.of(false))),
                // sit's captures include the FLAGS attribute link_iptnl.c writes for sit only.
                Arguments.of("sit/create-basic.txt", SitKind.INSTANCE, ENDPOINTS4, IPTNL4_DEFAULTS),
                Arguments.of("sit/create-full.txt", SitKind.INSTANCE, Map.of("mode", "ip6ip", "local", LOCAL4.get(),
                        "remote", REMOTE4.get(), "dev", "p0", "ttl", 255L, "tos", "ef", "pmtudisc", true),
                        new IpipSpec(Optional.of("ip6ip"), LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(255),
                                Optional.of(Inheritable.of(0xb8)), Optional.of(true))),
                Arguments.of("ip6tnl/create-basic.txt", Ip6tnlKind.INSTANCE, ENDPOINTS6,
                        new Ip6tnlSpec(Optional.of("any"), LOCAL6, REMOTE6, Optional.empty(), Optional.of(64),
                                Optional.of(EncapLimit.of(4)), Optional.of(Inheritable.of(0)),
                                Optional.of(Inheritable.of(0)))),
                Arguments.of("ip6tnl/create-full.txt", Ip6tnlKind.INSTANCE, Map.of("mode", "ip6ip6",
                        "local", LOCAL6.get(), "remote", REMOTE6.get(), "dev", "p0", "hoplimit", 32L,
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
                Arguments.of("gre/create-full.txt", GreKind.INSTANCE, Map.ofEntries(Map.entry("local", LOCAL4.get()),
                        Map.entry("remote", REMOTE4.get()), Map.entry("dev", "p0"), Map.entry("ttl", 64L),
                        Map.entry("tos", "af41"), Map.entry("pmtudisc", true), Map.entry("ikey", 10L),
                        Map.entry("okey", 20L), Map.entry("iseq", true), Map.entry("oseq", true),
                        Map.entry("icsum", true), Map.entry("ocsum", true)),
                        new GreSpec(LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(64),
                                Optional.of(Inheritable.of(0x88)), Optional.of(true),
                                header(10L, 20L, true, true, true, true))),
                Arguments.of("gretap/create-basic.txt", GretapKind.INSTANCE, ENDPOINTS4, GRE_DEFAULTS),
                Arguments.of("gretap/create-full.txt", GretapKind.INSTANCE, Map.ofEntries(
                        Map.entry("local", LOCAL4.get()), Map.entry("remote", REMOTE4.get()), Map.entry("dev", "p0"),
                        Map.entry("ttl", 64L), Map.entry("tos", "cs6"), Map.entry("pmtudisc", false),
                        Map.entry("key", 7L), Map.entry("iseq", true), Map.entry("icsum", true)),
                        new GreSpec(LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(64),
                                Optional.of(Inheritable.of(0xc0)), Optional.of(false),
                                header(7L, 7L, true, false, true, false))),
                Arguments.of("ip6gre/create-basic.txt", Ip6greKind.INSTANCE, ENDPOINTS6, GRE6_DEFAULTS),
                Arguments.of("ip6gre/create-full.txt", Ip6greKind.INSTANCE, Map.ofEntries(
                        Map.entry("local", LOCAL6.get()), Map.entry("remote", REMOTE6.get()), Map.entry("dev", "p0"),
                        Map.entry("hoplimit", 32L), Map.entry("tos", "af41"), Map.entry("flowlabel", 0x12345L),
                        Map.entry("encaplimit", 8L), Map.entry("ikey", 1L), Map.entry("okey", 2L),
                        Map.entry("oseq", true), Map.entry("ocsum", true)),
                        new Ip6greSpec(LOCAL6, REMOTE6, Optional.of("p0"), Optional.of(32),
                                Optional.of(Inheritable.of(0x88)), Optional.of(Inheritable.of(0x12345)),
                                Optional.of(EncapLimit.of(8)), header(1L, 2L, false, true, false, true))),
                Arguments.of("ip6gretap/create-basic.txt", Ip6gretapKind.INSTANCE, ENDPOINTS6, GRE6_DEFAULTS),
                Arguments.of("ip6gretap/create-full.txt", Ip6gretapKind.INSTANCE, Map.ofEntries(
                        Map.entry("local", LOCAL6.get()), Map.entry("remote", REMOTE6.get()), Map.entry("dev", "p0"),
                        Map.entry("hoplimit", 255L), Map.entry("tos", "cs1"), Map.entry("flowlabel", 0xfffffL),
                        Map.entry("encaplimit", 0L), Map.entry("key", 9L), Map.entry("iseq", true),
                        Map.entry("oseq", true), Map.entry("icsum", true), Map.entry("ocsum", true)),
                        new Ip6greSpec(LOCAL6, REMOTE6, Optional.of("p0"), Optional.of(255),
                                Optional.of(Inheritable.of(0x20)), Optional.of(Inheritable.of(0xfffff)),
                                Optional.of(EncapLimit.of(0)), header(9L, 9L, true, true, true, true))),
                Arguments.of("vti/create-basic.txt", VtiKind.INSTANCE, ENDPOINTS4, new VtiSpec(LOCAL4, REMOTE4,
                        Optional.empty(), Optional.of(0L), Optional.of(0L))),
                Arguments.of("vti/create-full.txt", VtiKind.INSTANCE, Map.of("local", LOCAL4.get(),
                        "remote", REMOTE4.get(), "dev", "p0", "ikey", 10L, "okey", 20L),
                        new VtiSpec(LOCAL4, REMOTE4, Optional.of("p0"), Optional.of(10L), Optional.of(20L))),
                Arguments.of("vti6/create-basic.txt", Vti6Kind.INSTANCE, ENDPOINTS6, new VtiSpec(LOCAL6, REMOTE6,
                        Optional.empty(), Optional.of(0L), Optional.of(0L))),
                Arguments.of("vti6/create-full.txt", Vti6Kind.INSTANCE, Map.of("local", LOCAL6.get(),
                        "remote", REMOTE6.get(), "dev", "p0", "key", 5L),
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
