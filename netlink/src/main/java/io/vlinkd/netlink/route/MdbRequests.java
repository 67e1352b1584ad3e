package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * Builds the multicast database requests as iproute2 6.1's {@code bridge mdb} sends them (strace): a
 * {@code struct br_port_msg} naming the bridge, then MDBA_SET_ENTRY with the {@code struct br_mdb_entry}.
 */
public final class MdbRequests {
    private MdbRequests() {
    }

    /** {@code bridge mdb add dev BRIDGE port PORT grp GROUP permanent [vid V]}. */
    public static NlRequest add(int bridgeIndex, String bridge, int portIndex, MdbSpec e) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWMDB, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        write(w, bridgeIndex, portIndex, e, MdbEntry.PERMANENT);
        return w.finish("RTM_NEWMDB dev " + bridge + " " + e + " permanent");
    }

    /** {@code bridge mdb del dev BRIDGE port PORT grp GROUP [vid V]}. */
    public static NlRequest delete(int bridgeIndex, String bridge, int portIndex, MdbSpec e) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELMDB, NLM_F_ACK);
        // iproute2 sends the delete with state 0; the kernel finds the entry by port, group and VLAN.
        write(w, bridgeIndex, portIndex, e, 0);
        return w.finish("RTM_DELMDB dev " + bridge + " " + e);
    }

    /** {@code bridge mdb show}: every bridge's database, one message per bridge. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETMDB, NLM_F_DUMP);
        w.u8(Rtnl.AF_BRIDGE).u8(0).u16(0).u32(0);
        return w.finish("RTM_GETMDB dump");
    }

    /** The equivalent {@code bridge mdb} command of {@code verb} ({@code add}, {@code del}). */
    public static String command(String verb, String bridge, MdbSpec e) {
        return "bridge mdb " + verb + " dev " + bridge + " " + e + (verb.equals("del") ? "" : " permanent");
    }

    private static void write(MessageWriter w, int bridgeIndex, int portIndex, MdbSpec e, int state) {
        w.u8(Rtnl.AF_BRIDGE).u8(0).u16(0).u32(bridgeIndex);
        new MdbEntry(portIndex, state, 0, e.vlan().orElse(0), e.group()).writeTo(w);
    }
}
