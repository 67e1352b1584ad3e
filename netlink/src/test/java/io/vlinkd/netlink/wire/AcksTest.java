package io.vlinkd.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.Acks;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Acks} over NLMSG_ERROR replies captured from kernel 6.18 with NETLINK_EXT_ACK and NETLINK_CAP_ACK set
 * ({@code captured/acks.txt}), and over the uncapped form iproute2 receives (captured with strace).
 */
class AcksTest {
    private static final List<Captured> ACKS = Captured.load("acks.txt");

    /** Our request for the captured one: same bytes, with the attribute layout our writer would record. */
    private static NlRequest requestFor(String what, List<AttrLocation> layout) {
        return new NlRequest(Captured.find(ACKS, what, "(request)").bytes(), what, layout);
    }

    private static NlMessage reply(String what) throws MalformedMessageException {
        return Captured.find(ACKS, what, "(reply)").message();
    }

    @Test
    void vniChangeIsEopnotsuppWithTheKernelsTextAndNoOffset() throws Exception {
        String what = "ip link set vx0 type vxlan id 99";
        NlMessage m = reply(what);
        assertThat(m.hasFlag(Netlink.NLM_F_CAPPED)).isTrue();
        assertThat(m.hasFlag(Netlink.NLM_F_ACK_TLVS)).isTrue();
        NetlinkException e = Acks.failure(m, requestFor(what, List.of()));
        assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(e.kernelMessage()).isEqualTo("Cannot change VNI");
        assertThat(e.attributePath()).isNull();
        assertThat(e.getMessage()).isEqualTo(what + ": EOPNOTSUPP: Cannot change VNI");
    }

    @Test
    void theExtackOffsetIsResolvedToTheAttributePathOurWriterRecorded() throws Exception {
        String what = "ip link add vx9 type vxlan id 16777216";
        // Rebuild the captured request with our writer so that its attribute layout is known.
        MessageWriter w = MessageWriter.request(16, Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
        w.zeros(16);
        w.putString(io.vlinkd.netlink.route.Ifla.IFLA_IFNAME, "vx9");
        try (var info = w.nest(io.vlinkd.netlink.route.Ifla.IFLA_LINKINFO)) {
            w.putString(io.vlinkd.netlink.route.Ifla.IFLA_INFO_KIND, "vxlan");
            try (var data = w.nest(io.vlinkd.netlink.route.Ifla.IFLA_INFO_DATA)) {
                w.putInt(Attr.of("IFLA_VXLAN_ID", 1, AttrType.U32), 1 << 24);
            }
        }
        NlRequest ours = w.finish(what);
        byte[] captured = Captured.find(ACKS, what, "(request)").bytes().clone();
        java.util.Arrays.fill(captured, 8, 12, (byte) 0); // the capture's sequence number
        assertThat(ours.bytes()).isEqualTo(captured);

        NetlinkException e = Acks.failure(reply(what), ours);
        assertThat(e.errno()).isEqualTo(Errno.ERANGE);
        assertThat(e.kernelMessage()).startsWith("VXLAN ID");
        assertThat(e.attributePath()).isEqualTo("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID");
        assertThat(e.getMessage()).endsWith(" [IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID]");
    }

    @Test
    void eexistComesWithoutAnyExtack() throws Exception {
        String what = "ip link add br0 type bridge (exists)";
        NlMessage m = reply(what);
        NetlinkException e = Acks.failure(m, requestFor(what, List.of()));
        assertThat(e.errno()).isEqualTo(Errno.EEXIST);
        assertThat(e.kernelMessage()).isNull();
        assertThat(e.getMessage()).isEqualTo(what + ": EEXIST");
    }

    @Test
    void aSuccessfulAcknowledgementIsNoFailure() throws Exception {
        NlMessage m = Captured.find(ACKS, "ip link set vx0 mtu 1400", "(reply: success)").message();
        assertThat(Acks.errorCode(m)).isZero();
        assertThat(Acks.failure(m, requestFor("ip link set vx0 mtu 1400", List.of()))).isNull();
    }

    @Test
    void anUncappedAckAsIproute2ReceivesItIsReadToo() throws Exception {
        // strace of `ip link set vx0 type vxlan id 99` on kernel 6.18 (no NETLINK_CAP_ACK): the whole request is
        // echoed before the TLVs.
        byte[] ack = java.util.HexFormat.of().parseHex(
                "68000000020000022faf056bb24d0000a1ffffff3c000000100005002faf056b0000000000000000020000000000"
                + "0000000000001c0012000900010076786c616e0000000c00020008000100630000001600010043616e6e6f7420"
                + "6368616e676520564e49000000");
        NlMessage m = NlMessage.parseOne(ack);
        assertThat(m.hasFlag(Netlink.NLM_F_CAPPED)).isFalse();
        NetlinkException e = Acks.failure(m, new NlRequest(new byte[16], "RTM_NEWLINK vx0", List.of()));
        assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(e.kernelMessage()).isEqualTo("Cannot change VNI");
    }

    @Test
    void aMissingKindIsUnknownDeviceTypeOrAccepted() throws Exception {
        String what = "ip link add d0 type dummy";
        NetlinkException e = Acks.failure(reply(what), requestFor(what, List.of()));
        if (e != null) { // this machine's kernel lacks dummy (FACTS.md); a full kernel accepts it
            assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
            assertThat(e.kernelMessage()).isEqualTo("Unknown device type");
        }
    }
}
