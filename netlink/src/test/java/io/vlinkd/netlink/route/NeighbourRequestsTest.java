package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.route.RequestHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * Neighbour requests against the bytes iproute2 6.1 sends (strace -e write=all of {@code ip -n NS neigh ...}, d0 =
 * ifindex 3; sequence numbers zeroed), and decoded back.
 */
class NeighbourRequestsTest {


    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void aPermanentEntryIsSentAsIpNeighReplaceSendsIt() throws Exception {
        // ip neigh replace 192.0.2.5 lladdr 02:00:00:00:00:06 dev d0 nud permanent proto 247
        NlRequest r = NeighbourRequests.replace(3, "d0", new NeighbourSpec(ip("192.0.2.5"), "02:00:00:00:00:06"),
                247);
        assertThat(hex(r)).isEqualTo("380000001c0005050000000000000000" + "020000000300000080000000"
                + "05000c00f7000000" + "08000100c0000205" + "0a0002000200000000060000");
        assertThat(NeighbourRequests.ipCommand("replace", "d0",
                new NeighbourSpec(ip("192.0.2.5"), "02:00:00:00:00:06"), 247))
                .isEqualTo("ip neigh replace 192.0.2.5 lladdr 02:00:00:00:00:06 dev d0 nud permanent proto 247");
    }

    @Test
    void anIpv6EntryCarriesItsAddressInSixteenBytes() throws Exception {
        // ip neigh add 2001:db8::5 lladdr 02:00:00:00:00:07 dev d0 nud permanent proto 247, whose bytes are those of
        // the replace but for NLM_F_EXCL (0x0605) where the replace has NLM_F_REPLACE (0x0505).
        NlRequest r = NeighbourRequests.replace(3, "d0", new NeighbourSpec(ip("2001:db8::5"), "02:00:00:00:00:07"),
                247);
        assertThat(hex(r)).isEqualTo("440000001c0005050000000000000000" + "0a0000000300000080000000"
                + "05000c00f7000000" + "1400010020010db8000000000000000000000005" + "0a0002000200000000070000");
    }

    @Test
    void aDeleteNamesTheAddressAndTheInterface() throws Exception {
        // ip neigh del 192.0.2.5 dev d0
        NlRequest r = NeighbourRequests.delete(3, "d0", new NeighbourSpec(ip("192.0.2.5"), null));
        assertThat(hex(r)).isEqualTo("240000001d0005000000000000000000" + "020000000300000080000000"
                + "08000100c0000205");
        assertThat(NeighbourRequests.ipCommand("del", "d0", new NeighbourSpec(ip("192.0.2.5"), null), 247))
                .isEqualTo("ip neigh del 192.0.2.5 dev d0");
    }

    @Test
    void aProxyEntryIsSentAsIpNeighReplaceProxySendsIt() throws Exception {
        // ip neigh replace proxy 192.0.2.7 dev d0 proto 247; ip neigh del proxy 192.0.2.7 dev d0
        NeighbourSpec proxy = new NeighbourSpec(ip("192.0.2.7"), null, true);
        assertThat(hex(NeighbourRequests.replace(3, "d0", proxy, 247))).isEqualTo("2c0000001c0005050000000000000000"
                + "020000000300000080000800" + "05000c00f7000000" + "08000100c0000207");
        assertThat(hex(NeighbourRequests.delete(3, "d0", proxy))).isEqualTo("240000001d0005000000000000000000"
                + "020000000300000080000800" + "08000100c0000207");
        assertThat(NeighbourRequests.ipCommand("replace", "d0", proxy, 247))
                .isEqualTo("ip neigh replace proxy 192.0.2.7 dev d0 proto 247");
        assertThat(NeighbourMessage.decode(NlMessage.parseOne(NeighbourRequests.replace(3, "d0", proxy, 247)
                .bytes())).isProxyEntry()).isTrue();
    }

    @Test
    void aRequestDecodesToTheEntryItWrites() throws Exception {
        NeighbourMessage m = NeighbourMessage.decode(NlMessage.parseOne(NeighbourRequests.replace(3, "d0",
                new NeighbourSpec(ip("2001:db8::5"), "02:00:00:00:00:07"), 247).bytes()));
        assertThat(m.header().index()).isEqualTo(3);
        assertThat(m.address()).isEqualTo(ip("2001:db8::5"));
        assertThat(m.lladdr()).isEqualTo("02:00:00:00:00:07");
        assertThat(m.protocol()).isEqualTo(247);
        assertThat(m.isPermanent()).isTrue();
        assertThat(m.isHostEntry()).isTrue();
    }

    @Test
    void bridgeFdbAndProxyEntriesAreNotHostEntries() throws Exception {
        MessageWriter fdb = MessageWriter.request(Rtnl.RTM_NEWNEIGH, 0);
        new NdMsg(Rtnl.AF_BRIDGE, 3, Rtnl.NUD_PERMANENT, 0, 0).writeTo(fdb);
        fdb.putBytes(Nda.NDA_LLADDR, new byte[] {2, 0, 0, 0, 0, 9});
        assertThat(NeighbourMessage.decode(NlMessage.parseOne(fdb.finish("fdb").bytes())).isHostEntry()).isFalse();

        MessageWriter proxy = MessageWriter.request(Rtnl.RTM_NEWNEIGH,
                0);
        new NdMsg(Rtnl.AF_INET, 3, 0, Rtnl.NTF_PROXY, 0).writeTo(proxy);
        proxy.putAddress(Nda.NDA_DST, ip("192.0.2.5"));
        assertThat(NeighbourMessage.decode(NlMessage.parseOne(proxy.finish("proxy").bytes())).isHostEntry())
                .isFalse();
    }
}
