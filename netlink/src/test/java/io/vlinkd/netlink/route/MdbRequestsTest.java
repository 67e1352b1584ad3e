package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.route.RequestHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * MDB requests against the bytes iproute2 6.1's {@code bridge mdb} sends (strace -e write=all; br0 = ifindex 2, its
 * port p1 = ifindex 4; sequence numbers zeroed), and a database as the bridge reports it, decoded.
 */
class MdbRequestsTest {


    private static MdbSpec entry(String group, Integer vlan) throws Exception {
        return new MdbSpec("p1", InetAddress.getByName(group), Optional.ofNullable(vlan));
    }

    @Test
    void anAddIsBridgeMdbAddPermanent() throws Exception {
        // bridge mdb add dev br0 port p1 grp 239.1.1.3 permanent
        assertThat(hex(MdbRequests.add(2, "br0", 4, entry("239.1.1.3", null)))).isEqualTo(
                "38000000540005060000000000000000" + "0700000002000000" + "20000100" + "04000000" + "01000000"
                + "ef010103000000000000000000000000" + "08000000");
        assertThat(MdbRequests.command("add", "br0", entry("239.1.1.3", 5)))
                .isEqualTo("bridge mdb add dev br0 port p1 grp 239.1.1.3 vid 5 permanent");
    }

    @Test
    void anIpv6GroupCarriesItsSixteenBytesAndEthPIpv6() throws Exception {
        // bridge mdb add dev br0 port p1 grp ff0e::5 temp (the same but for the state: 0 there, 1 here)
        assertThat(hex(MdbRequests.add(2, "br0", 4, entry("ff0e::5", null)))).isEqualTo(
                "38000000540005060000000000000000" + "0700000002000000" + "20000100" + "04000000" + "01000000"
                + "ff0e0000000000000000000000000005" + "86dd0000");
    }

    @Test
    void aDeleteNamesPortGroupAndVlan() throws Exception {
        // bridge mdb del dev br0 port p1 grp 239.1.1.3
        assertThat(hex(MdbRequests.delete(2, "br0", 4, entry("239.1.1.3", null)))).isEqualTo(
                "38000000550005000000000000000000" + "0700000002000000" + "20000100" + "04000000" + "00000000"
                + "ef010103000000000000000000000000" + "08000000");
        assertThat(MdbRequests.command("del", "br0", entry("239.1.1.3", null)))
                .isEqualTo("bridge mdb del dev br0 port p1 grp 239.1.1.3");
    }

    @Test
    void aDumpedDatabaseDecodesToEveryEntryWithItsProtocol() throws Exception {
        // A dump's reply is of type RTM_GETMDB (br_mdb_dump).
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETMDB, 0);
        w.u8(Rtnl.AF_BRIDGE).u8(0).u16(0).u32(2);
        byte[] one = new MdbEntry(4, MdbEntry.PERMANENT, 0, 0, InetAddress.getByName("239.1.1.1")).bytes();
        byte[] two = new MdbEntry(4, 0, 0, 5, InetAddress.getByName("ff0e::5")).bytes();
        byte[] rtprot = HexFormat.of().parseHex("0500050002000000"); // MDBA_MDB_EATTR_RTPROT = RTPROT_KERNEL
        try (var db = w.nest(Mdba.MDBA_MDB); var group = w.nest(Mdba.MDBA_MDB_ENTRY)) {
            w.putBytes(Mdba.MDBA_MDB_ENTRY_INFO, one);
            w.putBytes(Mdba.MDBA_MDB_ENTRY_INFO, concat(two, rtprot));
        }
        MdbMessage m = MdbMessage.decode(NlMessage.parseOne(w.finish("dump").bytes()));
        assertThat(m.bridge()).isEqualTo(2);
        assertThat(m.entries()).extracting(e -> e.entry().group().getHostAddress() + " vid " + e.entry().vlan()
                + " state " + e.entry().state() + " proto " + e.protocol())
                .containsExactly("239.1.1.1 vid 0 state 1 proto 0", "ff0e:0:0:0:0:0:0:5 vid 5 state 0 proto 2");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
