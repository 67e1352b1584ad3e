package io.vlinkd.netlink.link;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.wire.MacAddress;
import java.util.Optional;

/**
 * A link as the operator wants it: the settings common to every kind plus the kind's own spec. An empty
 * {@code Optional} means "not managed": vlinkd neither sets nor compares it (nmstate's "partial" desired state).
 *
 * @param kind       the kind, or null for an existing interface that vlinkd configures (mtu, master, addresses...)
 *                   but never creates nor deletes: a config entry without {@code kind:}, like an uplink {@code eth0}
 * @param spec       the kind's spec, or null when {@code kind} is null
 * @param master     the name of the bridge, bond, team or vrf this link is a port of ({@code IFLA_MASTER})
 * @param link       the parent link ({@code IFLA_LINK}: vlan, macvlan, ipvlan, vxlan... sit on it)
 * @param netns      the named network namespace to create the link in ({@code IFLA_NET_NS_FD})
 * @param port       its settings as the port of {@code master} ({@code bridge-port:}, {@code bond-port:}): the
 *                   options listed are managed, the others not
 * @param ipv4       its IPv4 settings ({@code ipv4:}): those listed are managed, the others not
 */
public record LinkSpec(String name, LinkKind<?> kind, KindSpec spec, Optional<Integer> mtu, Optional<MacAddress> mac,
                       Optional<AdminState> state, Optional<String> master, Optional<String> link,
                       Optional<String> alias, Optional<Integer> txqueuelen, Optional<String> netns,
                       Optional<PortSettings> port, Optional<Ipv4Settings> ipv4) {

    /** A spec without port settings. */
    public LinkSpec(String name, LinkKind<?> kind, KindSpec spec, Optional<Integer> mtu, Optional<MacAddress> mac,
                    Optional<AdminState> state, Optional<String> master, Optional<String> link,
                    Optional<String> alias, Optional<Integer> txqueuelen, Optional<String> netns) {
        this(name, kind, spec, mtu, mac, state, master, link, alias, txqueuelen, netns, Optional.empty(),
                Optional.empty());
    }

    /** A spec with only a name, a kind and its options; the common settings are not managed. */
    public static LinkSpec of(String name, LinkKind<?> kind, KindSpec spec) {
        return new LinkSpec(name, kind, spec, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The kind's name, or {@code "existing"} for an interface vlinkd configures but does not create. */
    public String kindName() {
        return kind == null ? "existing" : kind.name();
    }

    /** True for a config entry without {@code kind:}: configure it if it exists, never create or delete it. */
    public boolean isExisting() {
        return kind == null;
    }

    public LinkSpec withMtu(int mtu) {
        return new LinkSpec(name, kind, spec, Optional.of(mtu), mac, state, master, link, alias, txqueuelen, netns,
                port, ipv4);
    }

    public LinkSpec withMac(MacAddress mac) {
        return new LinkSpec(name, kind, spec, mtu, Optional.of(mac), state, master, link, alias, txqueuelen, netns,
                port, ipv4);
    }

    public LinkSpec withState(AdminState state) {
        return new LinkSpec(name, kind, spec, mtu, mac, Optional.of(state), master, link, alias, txqueuelen, netns,
                port, ipv4);
    }

    public LinkSpec withMaster(String master) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, Optional.of(master), link, alias, txqueuelen, netns,
                port, ipv4);
    }

    public LinkSpec withLink(String link) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, master, Optional.of(link), alias, txqueuelen, netns,
                port, ipv4);
    }

    public LinkSpec withAlias(String alias) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, master, link, Optional.of(alias), txqueuelen, netns,
                port, ipv4);
    }

    public LinkSpec withTxqueuelen(int txqueuelen) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, master, link, alias, Optional.of(txqueuelen), netns,
                port, ipv4);
    }

    public LinkSpec withPort(PortSettings port) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, master, link, alias, txqueuelen, netns,
                Optional.of(port), ipv4);
    }

    public LinkSpec withIpv4(Ipv4Settings ipv4) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, master, link, alias, txqueuelen, netns, port,
                Optional.of(ipv4));
    }

    public LinkSpec withNetns(String netns) {
        return new LinkSpec(name, kind, spec, mtu, mac, state, master, link, alias, txqueuelen, Optional.of(netns),
                port, ipv4);
    }
}
