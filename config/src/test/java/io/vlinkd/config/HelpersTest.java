package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small pieces the messages rest on: did-you-mean, IP literals, prefixes, names. */
class HelpersTest {
    @Test
    void didYouMeanFindsTyposAndSwapsButNotStrangers() {
        assertThat(Near.best("mtus", List.of("mtu", "mac"))).contains("mtu");
        assertThat(Near.best("vfr", List.of("vrf", "veth"))).contains("vrf");
        assertThat(Near.best("max_age", List.of("max-age", "hello-time"))).contains("max-age");
        assertThat(Near.best("gateway", List.of("via", "dev", "to"))).isEmpty();
        assertThat(Near.best("id", List.of("ttl"))).isEmpty();
        assertThat(Near.distance("ab", "ba")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"192.0.2.1", "2001:db8::1"})
    void ipLiteralsAreAddresses(String literal) {
        assertThat(IpText.parse(literal)).isPresent();
    }

    /** Strict, and never looked up: a name is not an address. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"192.0.2.01", "256.0.0.1", "1.2.3", "localhost", "example.com", "fe80::1%eth0", ":::"})
    void whatIsNotAStrictIpLiteralIsNoAddress(String text) {
        assertThat(IpText.parse(text)).isEmpty();
    }

    @Test
    void aV4MappedLiteralStaysIpv6() {
        assertThat(IpText.parse("::ffff:192.0.2.1").map(a -> IpText.bits(a))).contains(128);
    }

    @ParameterizedTest(name = "{0} is printed {1}")
    @CsvSource(delimiter = '|', value = {
            "2001:db8:0:0:0:0:0:1 | 2001:db8::1",
            ":: | ::",
            "::1 | ::1",
            "fe80:: | fe80::",
            "2001:db8:0:1:0:0:0:1 | 2001:db8:0:1::1",
            "2001:0:0:1:0:0:0:1 | 2001:0:0:1::1",
            "2001:db8:1:2:3:4:0:6 | 2001:db8:1:2:3:4:0:6"})
    void ipv6IsPrintedInRfc5952Form(String literal, String printed) throws Exception {
        assertThat(IpText.format(InetAddress.getByName(literal))).isEqualTo(printed);
    }

    @Test
    void prefixesNeedALengthUnlessBareIsAHost() {
        assertThat(Prefix.parse("192.0.2.0/24", false)).isInstanceOf(Prefix.Parsed.Ok.class);
        assertThat(Prefix.parse("192.0.2.1", false)).isInstanceOf(Prefix.Parsed.Bad.class);
        assertThat(((Prefix.Parsed.Ok) Prefix.parse("192.0.2.1", true)).prefix().length()).isEqualTo(32);
        assertThat(Prefix.parse("192.0.2.0/024", false)).isInstanceOf(Prefix.Parsed.Bad.class);
        assertThat(Prefix.parse("2001:db8::/129", false)).isInstanceOf(Prefix.Parsed.Bad.class);
    }

    @Test
    void interfaceNamesFollowDevValidName() {
        assertThat(Names.interfaceNameProblem("eth0")).isEmpty();
        assertThat(Names.interfaceNameProblem("bond0.100")).isEmpty();
        assertThat(Names.interfaceNameProblem("a".repeat(15))).isEmpty();
        assertThat(Names.interfaceNameProblem("a".repeat(16))).isPresent();
        // 15 characters but 16 bytes in UTF-8.
        assertThat(Names.interfaceNameProblem("é" + "a".repeat(14))).isPresent();
        assertThat(Names.interfaceNameProblem(".")).isPresent();
        assertThat(Names.interfaceNameProblem("a\tb")).isPresent();
    }
}
