package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventViewTest {

    @ParameterizedTest(name = "{0} is printed {1}")
    @CsvSource(delimiter = '|', value = {
            "ff00:: | ff00::",
            "fe80::c89b:a2ff:fe8a:13ca | fe80::c89b:a2ff:fe8a:13ca",
            "2001:db8:0:1:0:0:0:1 | 2001:db8:0:1::1",
            "2001:db8:0:1:1:1:1:1 | 2001:db8:0:1:1:1:1:1",
            "::1 | ::1",
            "192.0.2.1 | 192.0.2.1"})
    void addressesArePrintedInRfc5952Form(String literal, String printed) throws Exception {
        assertThat(EventView.text(InetAddress.getByName(literal))).isEqualTo(printed);
    }

    @Test
    void routeProtocolsHaveIproute2Names() {
        assertThat(EventView.protocol(2)).isEqualTo("kernel");
        assertThat(EventView.protocol(247)).isEqualTo("vlinkd");
        assertThat(EventView.protocol(99)).isEqualTo("99");
    }
}
