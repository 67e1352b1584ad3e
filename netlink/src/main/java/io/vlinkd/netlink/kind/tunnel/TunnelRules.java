package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Change rules that depend on values, shared by the IPv4 tunnel kinds. */
final class TunnelRules {
    private TunnelRules() {
    }

    /**
     * net/ipv4/ip_tunnel.c ip_tunnel_changelink() (and ipip6_changelink() for sit): a non-Ethernet tunnel is
     * IFF_POINTOPOINT when it has a unicast remote and IFF_BROADCAST when the remote is multicast (gre); changelink
     * returns EINVAL when the new remote would change those flags. Such a remote change re-creates the link.
     *
     * @param multicastMatters gre: a multicast remote makes a broadcast tunnel; ipip/sit/vti: any remote is p2p
     */
    static List<Difference> pointToPoint(List<Difference> diffs, Optional<InetAddress> desired,
                                         Optional<InetAddress> observed, boolean multicastMatters) {
        List<Difference> out = new ArrayList<>(diffs.size());
        for (Difference d : diffs) {
            if (d.key().equals("remote") && desired.isPresent()
                    && shape(desired, multicastMatters) != shape(observed, multicastMatters)) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), Option.Change.RECREATE,
                        "the kernel does not turn a " + shape(observed, multicastMatters) + " tunnel into a "
                                + shape(desired, multicastMatters) + " one in place (changelink: EINVAL)"));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    private static String shape(Optional<InetAddress> remote, boolean multicastMatters) {
        if (remote.isEmpty()) {
            return "multipoint";
        }
        return multicastMatters && remote.get().isMulticastAddress() ? "broadcast" : "point-to-point";
    }
}
