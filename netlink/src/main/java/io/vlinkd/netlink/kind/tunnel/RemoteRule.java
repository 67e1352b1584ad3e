package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a tunnel kind changes its remote in place, a rule that depends on the values and not only on the option.
 *
 * <p>net/ipv4/ip_tunnel.c ip_tunnel_changelink() (and ipip6_changelink() for sit): a non-Ethernet IPv4 tunnel is
 * IFF_POINTOPOINT when it has a unicast remote and IFF_BROADCAST when the remote is multicast (gre); changelink
 * returns EINVAL when the new remote would change those flags. Such a remote change re-creates the link.
 */
enum RemoteRule {
    /** gretap (an Ethernet device), ip6gre, ip6gretap, ip6tnl and vti6: every remote change is in place. */
    IN_PLACE,
    /** ipip, sit, vti: any remote makes a point-to-point tunnel, none a multipoint one. */
    POINT_TO_POINT,
    /** gre: as {@link #POINT_TO_POINT}, and a multicast remote makes a broadcast tunnel. */
    POINT_TO_POINT_OR_BROADCAST;

    /** {@code diffs} with a remote change that flips the tunnel's shape marked re-create, with the reason. */
    List<Difference> apply(List<Difference> diffs, Optional<InetAddress> desired, Optional<InetAddress> observed) {
        if (this == IN_PLACE) {
            return diffs;
        }
        List<Difference> out = new ArrayList<>(diffs.size());
        for (Difference d : diffs) {
            if (d.key().equals("remote") && desired.isPresent() && !shape(desired).equals(shape(observed))) {
                out.add(new Difference(d.key(), d.desired(), d.observed(), Option.Change.RECREATE,
                        "the kernel does not turn a " + shape(observed) + " tunnel into a " + shape(desired)
                                + " one in place (changelink: EINVAL)"));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    private String shape(Optional<InetAddress> remote) {
        if (remote.isEmpty()) {
            return "multipoint";
        }
        return this == POINT_TO_POINT_OR_BROADCAST && remote.get().isMulticastAddress() ? "broadcast"
                : "point-to-point";
    }
}
