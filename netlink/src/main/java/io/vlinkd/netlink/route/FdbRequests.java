package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_APPEND;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_REPLACE;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * Builds the FDB requests as iproute2 6.1's {@code bridge fdb} sends them (strace): ndmsg of family AF_BRIDGE, then
 * NDA_LLADDR, NDA_DST, NDA_PORT, NDA_VNI, NDA_VLAN.
 */
public final class FdbRequests {
    private FdbRequests() {
    }

    /**
     * A port's entry: {@code bridge fdb replace MAC dev PORT master static [vlan V]} (NLM_F_REPLACE: it takes the
     * place of the entry the bridge learned for that MAC, and changes a static one in place). A VXLAN remote:
     * {@code bridge fdb append MAC dev VXLAN dst IP ... self permanent} (NLM_F_APPEND: another remote beside the
     * MAC's others).
     */
    public static NlRequest add(int index, String dev, FdbSpec e) {
        if (e.isRemote()) {
            MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_APPEND | NLM_F_ACK);
            write(w, index, e, Rtnl.NUD_PERMANENT | Rtnl.NUD_NOARP, Rtnl.NTF_SELF);
            return w.finish("RTM_NEWNEIGH fdb append " + e + " dev " + dev + " self");
        }
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE | NLM_F_ACK);
        // iproute2's "static": NUD_NOARP | NUD_REACHABLE (the bridge reports it back as NUD_NOARP).
        write(w, index, e, Rtnl.NUD_NOARP | Rtnl.NUD_REACHABLE, Rtnl.NTF_MASTER | (e.sticky() ? Rtnl.NTF_STICKY : 0));
        return w.finish("RTM_NEWNEIGH fdb replace " + e + " dev " + dev + " master static");
    }

    /** {@code bridge fdb del ...}: a remote's delete names it by its destination, VNI and port. */
    public static NlRequest delete(int index, String dev, FdbSpec e) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELNEIGH, NLM_F_ACK);
        write(w, index, e, Rtnl.NUD_PERMANENT | Rtnl.NUD_NOARP, e.isRemote() ? Rtnl.NTF_SELF : Rtnl.NTF_MASTER);
        return w.finish("RTM_DELNEIGH fdb " + e + " dev " + dev);
    }

    /** {@code bridge fdb show}: every bridge's and VXLAN's entries. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETNEIGH, NLM_F_DUMP);
        new NdMsg(Rtnl.AF_BRIDGE, 0, 0, 0, 0).writeTo(w);
        return w.finish("RTM_GETNEIGH fdb dump");
    }

    /** The equivalent {@code bridge fdb} command: {@code add} and {@code replace} are sent as above. */
    public static String command(String verb, String dev, FdbSpec e) {
        if (verb.equals("del")) {
            return "bridge fdb del " + e + " dev " + dev + (e.isRemote() ? " self" : " master");
        }
        return e.isRemote() ? "bridge fdb append " + e + " dev " + dev + " self permanent"
                : "bridge fdb replace " + e + " dev " + dev + " master static";
    }

    private static void write(MessageWriter w, int index, FdbSpec e, int state, int flags) {
        new NdMsg(Rtnl.AF_BRIDGE, index, state, flags, 0).writeTo(w);
        w.putMac(Nda.NDA_LLADDR, e.mac());
        e.dst().ifPresent(d -> w.putAddress(Nda.NDA_DST, d));
        e.port().ifPresent(p -> w.putInt(Nda.NDA_PORT, p));
        e.vni().ifPresent(v -> w.putInt(Nda.NDA_VNI, v));
        e.vlan().ifPresent(v -> w.putInt(Nda.NDA_VLAN, v));
    }
}
