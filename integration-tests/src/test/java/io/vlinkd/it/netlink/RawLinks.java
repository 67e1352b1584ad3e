package io.vlinkd.it.netlink;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;

import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * Link requests written with MessageWriter directly, for the socket tests: they exercise the socket, not the kind
 * classes (those have their own tests), so they stay independent of them.
 */
final class RawLinks {
    private RawLinks() {
    }

    /** {@code ip link add NAME type bridge}. */
    static NlRequest bridge(String name) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        IfInfoMsg.of(0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, "bridge");
        }
        return w.finish("RTM_NEWLINK " + name + " (bridge)");
    }
}
