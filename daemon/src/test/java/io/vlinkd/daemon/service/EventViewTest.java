package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class EventViewTest {

    @Test
    void ipv6IsPrintedInRfc5952Form() throws Exception {
        assertThat(EventView.text(InetAddress.getByName("ff00::"))).isEqualTo("ff00::");
        assertThat(EventView.text(InetAddress.getByName("fe80::c89b:a2ff:fe8a:13ca"))).isEqualTo("fe80::c89b:a2ff:fe8a:13ca");
        assertThat(EventView.text(InetAddress.getByName("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(EventView.text(InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(EventView.text(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(EventView.text(InetAddress.getByName("192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void routeProtocolsHaveIproute2Names() {
        assertThat(EventView.protocol(2)).isEqualTo("kernel");
        assertThat(EventView.protocol(247)).isEqualTo("vlinkd");
        assertThat(EventView.protocol(99)).isEqualTo("99");
    }
}
