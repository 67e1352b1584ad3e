package io.vlinkd.daemon.resource.fdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * FDB entries as a resource type: what a bridge's dump says (captured from 6.18: {@code bridge fdb replace
 * 02:00:00:00:00:10 dev pc master static sticky} on a port of br0, index 2) and which entries are the kernel's.
 * Through the reconciler: FdbOwnershipTest; the real kernel with packets: FdbKernelTest.
 */
class FdbTypeTest {

    /** An RTM_NEWNEIGH of family AF_BRIDGE for ifindex 4 with {@code state}, {@code flags} and the attributes. */
    private static NlMessage dumped(int state, int flags, String attributes) throws Exception {
        byte[] attrs = HexFormat.of().parseHex(attributes);
        ByteBuffer b = ByteBuffer.allocate(16 + 12 + attrs.length).order(ByteOrder.nativeOrder());
        b.putInt(b.capacity()).putShort((short) Rtnl.RTM_NEWNEIGH).putShort((short) 2).putInt(1).putInt(0);
        b.put((byte) Rtnl.AF_BRIDGE).put(new byte[3]).putInt(4).putShort((short) state).put((byte) flags).put((byte) 0);
        b.put(attrs);
        return NlMessage.parseOne(b.array());
    }

    /** NDA_LLADDR 02:00:00:00:00:10, NDA_MASTER 2, NDA_FLAGS_EXT, NDA_CACHEINFO, as the bridge dumps them. */
    private static final String PORT_ENTRY = "0a0002000200000000100000" + "0800090002000000" + "08000f0000000000"
            + "1400030000000000100000001000000000000000";

    @Test
    void fdbEntriesAreARegisteredTypeInTheNeighbourGroup() {
        assertThat(ResourceTypes.ALL).contains(FdbType.TYPE);
        assertThat(NetlinkKernelPort.eventGroups()).contains(Rtnl.RTNLGRP_NEIGH);
    }

    @Test
    void aPortsStaticEntryIsDumpedWithNdaMasterAndIsNotTheKernels() throws Exception {
        ObservedFdb e = FdbType.TYPE.decode(dumped(Rtnl.NUD_NOARP, Rtnl.NTF_STICKY, PORT_ENTRY)).orElseThrow();
        assertThat(e.flags() & Rtnl.NTF_MASTER).isEqualTo(Rtnl.NTF_MASTER);
        assertThat(e.entry().toString()).isEqualTo("02:00:00:00:00:10 sticky");
        assertThat(FdbType.TYPE.kernels(e)).isFalse();
    }

    @Test
    void learnedLocalAndAddressListEntriesAreTheKernels() throws Exception {
        ObservedFdb learned = FdbType.TYPE.decode(dumped(Rtnl.NUD_REACHABLE, 0, PORT_ENTRY)).orElseThrow();
        ObservedFdb local = FdbType.TYPE.decode(dumped(Rtnl.NUD_PERMANENT, 0, PORT_ENTRY)).orElseThrow();
        ObservedFdb multicastList = FdbType.TYPE.decode(dumped(Rtnl.NUD_PERMANENT, Rtnl.NTF_SELF,
                "0a0002003333000000010000")).orElseThrow();
        assertThat(FdbType.TYPE.kernels(learned)).isTrue();
        assertThat(FdbType.TYPE.kernels(local)).isTrue();
        assertThat(FdbType.TYPE.kernels(multicastList)).isTrue();
    }
}
