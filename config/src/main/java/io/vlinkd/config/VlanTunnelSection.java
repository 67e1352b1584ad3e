package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.VlanTunnel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vlan-tunnel:} on a bridge port, a VXLAN in collect-metadata mode: {@code [ { vid: 10, tunnel-id: 1010 } ]}
 * ({@code bridge vlan add dev PORT vid VID tunnel_info id ID}). Each VLAN once, each tunnel id once. That the VLAN is
 * in the port's {@code vlans:}, the port has {@code bridge-port: { vlan-tunnel: true }} and the VXLAN is
 * {@code external: true} is checked once the entry is read whole (Merger).
 */
public final class VlanTunnelSection extends EntrySection<VlanTunnel> {

    private static final Key KEY = new Key("vlan-tunnel", null,
            "VLAN-to-tunnel mappings of a bridge port that is a VXLAN with external: true and bridge-port: "
                    + "{ vlan-tunnel: true } (bridge vlan add dev PORT vid VID tunnel_info id ID): frames of the "
                    + "VLAN leave with the tunnel id as their VNI, and frames received with it enter the bridge in "
                    + "the VLAN. The VLAN must be in the port's vlans:. A mapping vlinkd added is deleted when it "
                    + "leaves the list; others' are left alone");
    private static final List<Key> ITEM = List.of(
            new Key("vid", ValueType.integer(1, 4094), "IFLA_BRIDGE_VLAN_TUNNEL_VID: the VLAN, one of the port's "
                    + "vlans:"),
            new Key("tunnel-id", ValueType.integer(0, 0xffffff), "IFLA_BRIDGE_VLAN_TUNNEL_ID: the tunnel id (the "
                    + "VXLAN's VNI) of the VLAN's frames"));

    // After KEY and ITEM, which its constructor reads.
    public static final VlanTunnelSection SECTION = new VlanTunnelSection();

    private VlanTunnelSection() {
        super(KEY, ITEM, List.of("vid", "tunnel-id"), "a VLAN tunnel mapping", "[{vid: 10, tunnel-id: 1010}]");
    }

    @Override
    Optional<List<VlanTunnel>> item(Map<String, Object> values, Mapping item, FileContext ctx, String path,
                                    Entry entry) {
        if (!entry.hasMaster() || entry.kindName() != null && !entry.kindName().equals("vxlan")) {
            // br_afspec: tunnel info is a port's (BR_VLAN_TUNNEL), and only a metadata VXLAN carries its id.
            ctx.add(item.node(), path, "vlan-tunnel: belongs to a bridge port that is a VXLAN (master: a bridge, "
                    + "kind: vxlan with external: true)" + (entry.kindName() == null ? "" : "; this entry is a "
                    + entry.kindName() + (entry.hasMaster() ? "" : " without master:")));
            return Optional.empty();
        }
        return Optional.of(List.of(new VlanTunnel(((Long) values.get("vid")).intValue(),
                (Long) values.get("tunnel-id"))));
    }

    /** A port maps a VLAN to one tunnel id. */
    @Override
    Object identity(VlanTunnel item) {
        return item.vid();
    }

    @Override
    String describe(VlanTunnel item) {
        return "the tunnel mapping of VLAN " + item.vid();
    }

    /** The kernel keys a port's mappings by tunnel id too (EEXIST for a second VLAN with the same id). */
    @Override
    Optional<String> conflict(List<VlanTunnel> before, VlanTunnel next) {
        return before.stream().filter(t -> t.tunnelId() == next.tunnelId()).findFirst().map(t -> "tunnel id "
                + next.tunnelId() + " is already VLAN " + t.vid() + "'s: a port maps a tunnel id to one VLAN");
    }
}
