package io.vlinkd.it.netlink;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;

import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.function.Consumer;

/**
 * Link requests written with MessageWriter directly, for the socket tests: they exercise the socket, not the kind
 * classes (those have their own tests), so they stay independent of them. Numbers from {@code <linux/if_link.h>}
 * and {@code <linux/veth.h>}.
 */
final class RawLinks {
    private RawLinks() {
    }

    static final Attr IFLA_BR_STP_STATE = Attr.of("IFLA_BR_STP_STATE", 5, AttrType.U32);
    static final Attr VETH_INFO_PEER = Attr.of("VETH_INFO_PEER", 1, AttrType.NESTED);
    static final Attr IFLA_VXLAN_ID = Attr.of("IFLA_VXLAN_ID", 1, AttrType.U32);
    static final Attr IFLA_VXLAN_PORT = Attr.of("IFLA_VXLAN_PORT", 15, AttrType.BE16);

    /** {@code ip link add NAME type bridge}. */
    static NlRequest bridge(String name) {
        return bridge(create(), name);
    }

    /** {@code ip link add NAME alias ALIAS type bridge}. */
    static NlRequest bridge(String name, String alias) {
        MessageWriter w = create();
        w.putString(Ifla.IFLA_IFALIAS, alias);
        return bridge(w, name);
    }

    /** The rest of a bridge's create, after whatever attributes {@code w} already holds. */
    private static NlRequest bridge(MessageWriter w, String name) {
        w.putString(Ifla.IFLA_IFNAME, name);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, "bridge");
        }
        return w.finish("RTM_NEWLINK " + name + " (bridge)");
    }

    /** {@code ip link add NAME type veth peer name PEER [netns PEERNS]}; {@code peerNetnsFd} -1 for none. */
    static NlRequest veth(String name, String peer, int peerNetnsFd) {
        return withData(name, "veth", w -> {
            try (var p = w.nest(VETH_INFO_PEER)) {
                IfInfoMsg.of(0).writeTo(w); // the peer's own ifinfomsg, then its attributes
                w.putString(Ifla.IFLA_IFNAME, peer);
                if (peerNetnsFd >= 0) {
                    w.putInt(Ifla.IFLA_NET_NS_FD, peerNetnsFd);
                }
            }
        });
    }

    /** {@code ip link add NAME type vxlan id VNI dstport PORT}. */
    static NlRequest vxlan(String name, int vni, int port) {
        return withData(name, "vxlan", w -> {
            w.putInt(IFLA_VXLAN_ID, vni);
            w.putInt(IFLA_VXLAN_PORT, port);
        });
    }

    /** The create of link {@code name} of {@code kind} whose IFLA_INFO_DATA {@code data} writes. */
    private static NlRequest withData(String name, String kind, Consumer<MessageWriter> data) {
        MessageWriter w = create();
        w.putString(Ifla.IFLA_IFNAME, name);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, kind);
            try (var d = w.nest(Ifla.IFLA_INFO_DATA)) {
                data.accept(w);
            }
        }
        return w.finish("RTM_NEWLINK " + name + " (" + kind + ")");
    }

    /** {@code ip link set dev NAME type vxlan id VNI}: the kernel refuses it ("Cannot change VNI"). */
    static NlRequest changeVxlanId(int index, String name, int vni) {
        return changeData(index, name, "vxlan", IFLA_VXLAN_ID, vni);
    }

    /** {@code ip link set dev NAME mtu MTU}. */
    static NlRequest setMtu(int index, String name, int mtu) {
        MessageWriter w = change(index);
        w.putInt(Ifla.IFLA_MTU, mtu);
        return w.finish("RTM_NEWLINK " + name + " (mtu)");
    }

    /** {@code ip link set dev NAME type bridge stp_state S}. */
    static NlRequest setStp(int index, String name, int stp) {
        return changeData(index, name, "bridge", IFLA_BR_STP_STATE, stp);
    }

    /** A change of link {@code index} that sets one u32 attribute in its {@code kind}'s IFLA_INFO_DATA. */
    private static NlRequest changeData(int index, String name, String kind, Attr attr, int value) {
        MessageWriter w = change(index);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, kind);
            try (var data = w.nest(Ifla.IFLA_INFO_DATA)) {
                w.putInt(attr, value);
            }
        }
        return w.finish("RTM_NEWLINK " + name + " (" + kind + ", change)");
    }

    private static MessageWriter create() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        IfInfoMsg.of(0).writeTo(w);
        return w;
    }

    private static MessageWriter change(int index) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        return w;
    }
}
