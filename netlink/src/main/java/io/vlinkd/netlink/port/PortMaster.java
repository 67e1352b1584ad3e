package io.vlinkd.netlink.port;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.kind.Words;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;
import java.util.List;
import java.util.Optional;

/**
 * A kind of master whose ports have settings of their own, each with its config key on the port's entry
 * ({@code bridge-port:}), the kind the kernel reports in a port's IFLA_INFO_SLAVE_KIND ({@code bridge}), the kind
 * iproute2 sends to change them ({@code bridge_slave}) and the options (numbers from linux/if_link.h).
 */
public enum PortMaster {
    BRIDGE("bridge-port", "bridge", List.of(
            PortOption.choice("state", Attr.of("IFLA_BRPORT_STATE", 1, AttrType.U8),
                    Words.of("state-", "disabled", 0, "listening", 1, "learning", 2, "forwarding", 3, "blocking", 4),
                    "state", "the port's STP state; the kernel refuses it while the bridge runs kernel STP"),
            PortOption.number("priority", Attr.of("IFLA_BRPORT_PRIORITY", 2, AttrType.U16),
                    ValueType.integer(0, 63), "priority", "STP port priority"),
            PortOption.number("cost", Attr.of("IFLA_BRPORT_COST", 3, AttrType.U32),
                    ValueType.integer(1, 65535), "cost", "STP path cost (the kernel derives it from the speed)"),
            PortOption.flag("hairpin", "IFLA_BRPORT_MODE", 4, "hairpin",
                    "send frames back out of the port they came in on"),
            PortOption.flag("guard", "IFLA_BRPORT_GUARD", 5, "guard", "BPDU guard: disable the port on a BPDU"),
            PortOption.flag("root-block", "IFLA_BRPORT_PROTECT", 6, "root_block",
                    "never let this port become the root port"),
            PortOption.flag("fastleave", "IFLA_BRPORT_FAST_LEAVE", 7, "fastleave",
                    "multicast fast leave on an IGMP/MLD leave"),
            PortOption.flag("learning", "IFLA_BRPORT_LEARNING", 8, "learning",
                    "learn source MAC addresses into the FDB"),
            PortOption.flag("flood", "IFLA_BRPORT_UNICAST_FLOOD", 9, "flood", "flood unknown unicast to the port"),
            PortOption.flag("proxy-arp", "IFLA_BRPORT_PROXYARP", 10, "proxy_arp", "proxy ARP on the port"),
            PortOption.flag("mcast-flood", "IFLA_BRPORT_MCAST_FLOOD", 27, "mcast_flood",
                    "flood unknown multicast to the port"),
            PortOption.flag("vlan-tunnel", "IFLA_BRPORT_VLAN_TUNNEL", 29, "vlan_tunnel",
                    "map VLANs to tunnel ids on this (vxlan) port"),
            PortOption.flag("bcast-flood", "IFLA_BRPORT_BCAST_FLOOD", 30, "bcast_flood",
                    "flood broadcast to the port"),
            PortOption.flag("neigh-suppress", "IFLA_BRPORT_NEIGH_SUPPRESS", 32, "neigh_suppress",
                    "answer ARP and ND for the port's neighbours instead of flooding them"),
            PortOption.flag("isolated", "IFLA_BRPORT_ISOLATED", 33, "isolated",
                    "forward only to non-isolated ports"),
            PortOption.port("backup-port", Attr.of("IFLA_BRPORT_BACKUP_PORT", 34, AttrType.U32), "backup_port",
                    "the port that takes this port's traffic while its carrier is down"),
            PortOption.flag("locked", "IFLA_BRPORT_LOCKED", 39, "locked",
                    "forward only from source MACs with an FDB entry (802.1X)"))),
    BOND("bond-port", "bond", List.of(
            PortOption.number("queue-id", Attr.of("IFLA_BOND_SLAVE_QUEUE_ID", 5, AttrType.U16),
                    ValueType.integer(0, 65535), "queue_id", "the transmit queue this port's traffic is mapped to"),
            PortOption.number("prio", Attr.of("IFLA_BOND_SLAVE_PRIO", 9, AttrType.S32),
                    ValueType.integer(Integer.MIN_VALUE, Integer.MAX_VALUE), "prio",
                    "priority among the ports for active-backup's primary re-selection (kernel 6.0)")));

    private final String configKey;
    private final String kind;
    private final List<PortOption> options;

    PortMaster(String configKey, String kind, List<PortOption> options) {
        this.configKey = configKey;
        this.kind = kind;
        this.options = options;
    }

    /** The key on a port's entry: {@code bridge-port}. */
    public String configKey() {
        return configKey;
    }

    /** The master's kind: {@code bridge}. */
    public String kind() {
        return kind;
    }

    /** What iproute2 sends as IFLA_INFO_KIND to change a port's settings: {@code bridge_slave}. */
    public String portKind() {
        return kind + "_slave";
    }

    public List<PortOption> options() {
        return options;
    }

    public Optional<PortOption> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** The master of ports whose IFLA_INFO_SLAVE_KIND is {@code kind}; empty for others (team, vrf). */
    public static Optional<PortMaster> ofKind(String kind) {
        for (PortMaster m : values()) {
            if (m.kind.equals(kind)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
