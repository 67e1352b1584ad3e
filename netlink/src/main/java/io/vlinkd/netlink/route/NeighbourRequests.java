package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_REPLACE;

import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;

/**
 * Builds the rtnetlink neighbour requests in iproute2's attribute order: {@code ip neigh replace 192.0.2.5 lladdr
 * 02:00:00:00:00:05 dev d0 nud permanent proto 247} sends ndmsg, NDA_PROTOCOL, NDA_DST, NDA_LLADDR (strace of
 * iproute2 6.1).
 */
public final class NeighbourRequests {
    private NeighbourRequests() {
    }

    /**
     * {@code ip neigh replace ... nud permanent proto P}: NLM_F_REPLACE, because a permanent entry takes the place
     * of the entry the kernel learned for that address (ARP or NDP), which an exclusive add would find and refuse
     * (EEXIST); and it changes the link-layer address of an existing permanent entry in place.
     */
    public static NlRequest replace(int index, String dev, NeighbourSpec n, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE | NLM_F_ACK);
        new NdMsg(AddressRequests.family(n.address()), index, Rtnl.NUD_PERMANENT, n.proxy() ? Rtnl.NTF_PROXY : 0, 0)
                .writeTo(w);
        if (protocol > 0) {
            w.putInt(Nda.NDA_PROTOCOL, protocol);
        }
        w.putAddress(Nda.NDA_DST, n.address());
        if (n.lladdr() != null) {
            w.putBytes(Nda.NDA_LLADDR, n.lladdrBytes());
        }
        return w.finish("RTM_NEWNEIGH " + n + " dev " + dev);
    }

    /** {@code ip neigh del [proxy] ADDRESS dev NAME}: the kernel finds the entry by address and interface. */
    public static NlRequest delete(int index, String dev, NeighbourSpec n) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELNEIGH, NLM_F_ACK);
        // iproute2 sends NUD_PERMANENT as the state of a delete too; the kernel does not read it.
        new NdMsg(AddressRequests.family(n.address()), index, Rtnl.NUD_PERMANENT, n.proxy() ? Rtnl.NTF_PROXY : 0, 0)
                .writeTo(w);
        w.putAddress(Nda.NDA_DST, n.address());
        return w.finish("RTM_DELNEIGH " + (n.proxy() ? "proxy " : "") + IpText.format(n.address()) + " dev " + dev);
    }

    /** {@code ip neigh show}: the entries of the ARP and NDP tables (not their proxy entries). */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETNEIGH, NLM_F_DUMP);
        new NdMsg(Rtnl.AF_UNSPEC, 0, 0, 0, 0).writeTo(w);
        return w.finish("RTM_GETNEIGH dump");
    }

    /** {@code ip neigh show proxy}: the proxy entries (a dump whose ndm_flags are exactly NTF_PROXY). */
    public static NlRequest dumpProxies() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETNEIGH, NLM_F_DUMP);
        new NdMsg(Rtnl.AF_UNSPEC, 0, 0, Rtnl.NTF_PROXY, 0).writeTo(w);
        return w.finish("RTM_GETNEIGH proxy dump");
    }

    /** The equivalent {@code ip neigh} command of {@code verb} ({@code replace} or {@code del}). */
    public static String ipCommand(String verb, String dev, NeighbourSpec n, int protocol) {
        if (verb.equals("del")) {
            return "ip neigh del " + (n.proxy() ? "proxy " : "") + IpText.format(n.address()) + " dev " + dev;
        }
        return "ip neigh " + verb + " " + n + " dev " + dev + (n.proxy() ? "" : " nud permanent")
                + (protocol > 0 ? " proto " + protocol : "");
    }
}
