package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpTextTest {
    private static String f(String a) throws Exception {
        return IpText.format(InetAddress.getByName(a));
    }

    @Test
    void ipv6UsesTheShortFormIpPrints() throws Exception {
        assertThat(f("2001:db8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(f("ff05:0:0:0:0:0:0:100")).isEqualTo("ff05::100");
        assertThat(f("::")).isEqualTo("::");
        assertThat(f("::1")).isEqualTo("::1");
        assertThat(f("fe80::")).isEqualTo("fe80::");
        assertThat(f("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(f("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
        assertThat(f("2001:db8:1:1:1:1:0:1")).isEqualTo("2001:db8:1:1:1:1:0:1");
    }

    @Test
    void ipv4StaysDotted() throws Exception {
        assertThat(f("192.0.2.1")).isEqualTo("192.0.2.1");
    }
}
