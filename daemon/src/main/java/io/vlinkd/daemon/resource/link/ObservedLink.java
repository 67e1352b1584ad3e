package io.vlinkd.daemon.resource.link;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.wire.MacAddress;
import java.util.Map;

/**
 * A link as the kernel reported it in a dump.
 *
 * @param kindName    IFLA_INFO_KIND as reported (null for a NIC or lo); {@code kind} is null when vlinkd does not
 *                    know the kind
 * @param spec        the kind's decoded spec, or null when the kind is unknown or absent
 * @param master      IFLA_MASTER, 0 when none
 * @param parent      IFLA_LINK, 0 when none (a veth's peer, a vlan's or macvlan's lower device)
 * @param linkNetnsId IFLA_LINK_NETNSID: the parent or peer lives in another namespace, or -1
 * @param port        its settings as the port of a bridge or bond (an interface option as its ifindex), or null
 * @param ipv4        its IPv4 settings (net.ipv4.conf.NAME.*), or null when it has no IPv4 device
 */
public record ObservedLink(int index, String name, String kindName, LinkKind<?> kind, KindSpec spec, int mtu,
                           MacAddress mac, boolean up, int master, int parent, String alias, int txqueuelen,
                           int operstate, int linkNetnsId, PortSettings port, Ipv4Settings ipv4) {

    /** A link that is no port of a bridge or bond. */
    public ObservedLink(int index, String name, String kindName, LinkKind<?> kind, KindSpec spec, int mtu,
                        MacAddress mac, boolean up, int master, int parent, String alias, int txqueuelen,
                        int operstate, int linkNetnsId) {
        this(index, name, kindName, kind, spec, mtu, mac, up, master, parent, alias, txqueuelen, operstate,
                linkNetnsId, null, null);
    }

    /**
     * How this link reads in a snapshot of the state ({@link io.vlinkd.daemon.reconcile.ObservedState#snapshot}):
     * every setting that a rolled-back apply must have put back, with the names of {@code names} (by ifindex)
     * instead of indexes.
     */
    public String snapshotLine(Map<Integer, String> names) {
        return name + " kind=" + kindName + " spec=" + (kind == null ? null : kind.typed(spec).options().asMap())
                + " mtu=" + mtu + " up=" + up + " master=" + names.get(master) + " parent="
                + (linkNetnsId >= 0 ? "netns" + linkNetnsId + ":" + parent : names.get(parent)) + " alias=" + alias
                + " txqlen=" + txqueuelen + (port == null ? "" : " port=" + port.named(names::get).values())
                + (ipv4 == null ? "" : " ipv4=" + ipv4.values());
    }

    public ObservedLink withSpec(KindSpec newSpec) {
        return new ObservedLink(index, name, kindName, kind, newSpec, mtu, mac, up, master, parent, alias,
                txqueuelen, operstate, linkNetnsId, port, ipv4);
    }

    public ObservedLink withMaster(int newMaster) {
        return new ObservedLink(index, name, kindName, kind, spec, mtu, mac, up, newMaster, parent, alias,
                txqueuelen, operstate, linkNetnsId, port, ipv4);
    }

    public ObservedLink withUp(boolean newUp) {
        return new ObservedLink(index, name, kindName, kind, spec, mtu, mac, newUp, master, parent, alias,
                txqueuelen, newUp ? 6 : 2, linkNetnsId, port, ipv4);
    }
}
