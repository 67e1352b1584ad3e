package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.route.RequestHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FDB requests against the bytes iproute2 6.1's {@code bridge fdb} sends (strace -e write=all; v0 = ifindex 4, a
 * port of br0; vx0 = ifindex 5, a VXLAN; sequence numbers zeroed), and decoded back.
 */
class FdbRequestsTest {


    private static FdbSpec port(String mac, Integer vlan) {
        return new FdbSpec(MacAddress.parse(mac), Optional.ofNullable(vlan), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    private static FdbSpec remote(String dst, Long vni, Integer udpPort) throws Exception {
        return new FdbSpec(MacAddress.parse("00:00:00:00:00:00"), Optional.empty(),
                Optional.of(InetAddress.getByName(dst)), Optional.ofNullable(vni), Optional.ofNullable(udpPort), false);
    }

    @Test
    void aPortsEntryIsSentAsBridgeFdbReplaceMasterStatic() {
        // bridge fdb replace 02:00:00:00:00:10 dev v0 master static vlan 10
        NlRequest r = FdbRequests.add(4, "v0", port("02:00:00:00:00:10", 10));
        assertThat(hex(r)).isEqualTo("300000001c0005050000000000000000" + "070000000400000042000400"
                + "0a0002000200000000100000" + "060005000a000000");
        assertThat(FdbRequests.command("add", "v0", port("02:00:00:00:00:10", 10)))
                .isEqualTo("bridge fdb replace 02:00:00:00:00:10 vlan 10 dev v0 master static");
    }

    @Test
    void aStickyEntrySetsNtfSticky() {
        // bridge fdb replace 02:00:00:00:00:10 dev v0 master static sticky
        FdbSpec sticky = new FdbSpec(MacAddress.parse("02:00:00:00:00:10"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true);
        assertThat(hex(FdbRequests.add(4, "v0", sticky))).isEqualTo("280000001c0005050000000000000000"
                + "070000000400000042004400" + "0a0002000200000000100000");
        assertThat(FdbRequests.command("add", "v0", sticky))
                .isEqualTo("bridge fdb replace 02:00:00:00:00:10 sticky dev v0 master static");
    }

    @Test
    void aRemoteIsAppendedAsBridgeFdbAppendSelfPermanent() throws Exception {
        // bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.2 self permanent
        assertThat(hex(FdbRequests.add(5, "vx0", remote("192.0.2.2", null, null)))).isEqualTo(
                "300000001c00050c0000000000000000" + "0700000005000000c0000200"
                + "0a0002000000000000000000" + "08000100c0000202");
        // bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.3 vni 43 port 4790 self permanent
        assertThat(hex(FdbRequests.add(5, "vx0", remote("192.0.2.3", 43L, 4790)))).isEqualTo(
                "400000001c00050c0000000000000000" + "0700000005000000c0000200"
                + "0a0002000000000000000000" + "08000100c0000203" + "0600060012b60000" + "080007002b000000");
        assertThat(FdbRequests.command("add", "vx0", remote("192.0.2.3", 43L, 4790))).isEqualTo(
                "bridge fdb append 00:00:00:00:00:00 dst 192.0.2.3 vni 43 port 4790 dev vx0 self permanent");
    }

    @Test
    void deletesNameTheirEntryExactly() throws Exception {
        // bridge fdb del 00:00:00:00:00:00 dev vx0 dst 192.0.2.2 self
        assertThat(hex(FdbRequests.delete(5, "vx0", remote("192.0.2.2", null, null)))).isEqualTo(
                "300000001d0005000000000000000000" + "0700000005000000c0000200"
                + "0a0002000000000000000000" + "08000100c0000202");
        // bridge fdb del 02:00:00:00:00:10 dev v0 master
        assertThat(hex(FdbRequests.delete(4, "v0", port("02:00:00:00:00:10", null)))).isEqualTo(
                "280000001d0005000000000000000000" + "0700000004000000c0000400" + "0a0002000200000000100000");
    }

    @Test
    void aRequestDecodesToTheEntryItWritesAndAnIpNeighbourToNone() throws Exception {
        FdbSpec e = remote("2001:db8::2", 43L, 4790);
        FdbMessage m = FdbMessage.decode(NlMessage.parseOne(FdbRequests.add(5, "vx0", e).bytes())).orElseThrow();
        assertThat(m.entry()).isEqualTo(e);
        assertThat(m.isStatic()).isTrue();
        assertThat(FdbMessage.decode(NlMessage.parseOne(NeighbourRequests.replace(3, "d0",
                new NeighbourSpec(InetAddress.getByName("192.0.2.5"), "02:00:00:00:00:05"), 247).bytes()))).isEmpty();
        assertThat(FdbMessage.decode(NlMessage.parseOne(FdbRequests.add(4, "v0", port("02:00:00:00:00:10", 10))
                .bytes())).orElseThrow().entry()).isEqualTo(port("02:00:00:00:00:10", 10));
    }
}
