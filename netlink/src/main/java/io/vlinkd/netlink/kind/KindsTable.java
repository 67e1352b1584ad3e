package io.vlinkd.netlink.kind;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/kinds.md}: every registered kind, its options, which change in place, and the kernel version
 * each needs. Generated from the same {@link Option} tables the config and the encoders use, so it cannot drift;
 * {@code KindsTableTest} fails when the committed file is stale.
 */
public final class KindsTable {
    private KindsTable() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Link kinds and their options\n\n");
        sb.append("Generated from the kind classes (`netlink/src/main/java/io/vlinkd/netlink/kind/`) by `KindsTable`;\n");
        sb.append("regenerate with `mvn -pl netlink test -Dtest=KindsTableTest -Dvlinkd.regenerate=true`.\n\n");
        sb.append("*In place*: changed on the existing link (`ip link set NAME type KIND ...`). *Re-create*: the kernel\n");
        sb.append("refuses or ignores the change, so vlinkd deletes and re-creates the link (and re-attaches what is\n");
        sb.append("stacked on it), and says so in the plan and the log.\n\n");
        sb.append("Common to every kind: `mtu`, `mac`, `state`, `master`, `link`, `alias`, `txqueuelen`, `netns`, ");
        sb.append("`addresses`, `addresses-exclusive`, `neighbours`, `fdb`, `mdb`, `vlans`, `vlan-tunnel` (all in ");
        sb.append("place, except `netns`). ");
        sb.append("`addresses` deletes only ");
        sb.append("addresses vlinkd added (marked with IFA_PROTO `settings.route-protocol`, recorded in the ledger); ");
        sb.append("`addresses-exclusive: true` also removes every other permanent address, IPv4 link-local ");
        sb.append("(169.254.0.0/16) included; IPv6 link-local addresses and dynamic ones vlinkd did not add ");
        sb.append("(SLAAC/DHCP) are never deleted (README, \"Routes and addresses\"). `neighbours` are permanent ");
        sb.append("ARP/NDP entries (README, \"Neighbour entries\"), `fdb` a bridge port's static entries or a ");
        sb.append("VXLAN's remotes (README, \"FDB entries\"), `mdb` a bridge's multicast entries (README, ");
        sb.append("\"MDB entries\"), `vlans` a bridge port's or a VLAN-filtering bridge's own VLANs and ");
        sb.append("`vlan-tunnel` a VXLAN port's VLAN-to-tunnel-id mappings (README, \"Bridge VLANs\"). ");
        sb.append("`state` is `up` ");
        sb.append("when not given (`state: down` keeps a\nlink down).\n\n");
        sb.append("| kind | options |\n|---|---|\n");
        for (LinkKind<?> k : LinkKinds.all()) {
            String opts = k.options().isEmpty() ? "(none)" : k.options().stream().map(o -> "`" + o.key() + "`")
                    .collect(Collectors.joining(", "));
            sb.append("| [").append(k.name()).append("](#").append(k.name()).append(") | ").append(opts)
                    .append(" |\n");
        }
        for (LinkKind<?> k : LinkKinds.all()) {
            sb.append("\n## ").append(k.name()).append("\n\n");
            k.caveat().ifPresent(c -> sb.append("**Caveat** (`vlinkctl validate` warns about it): ").append(c)
                    .append("\n\n"));
            k.notes().ifPresent(n -> sb.append(n).append("\n\n"));
            if (k.mtu() != MtuRule.COMMON) {
                sb.append("`mtu`: ").append(k.mtu().text()).append(" (not 68..65535)")
                        .append(k instanceof PairKind ? ", also on the entry (without `kind:`) that configures its peer"
                                : "")
                        .append("; the kernel changes it only while the link is down (EBUSY otherwise).\n\n");
            }
            List<Option> options = k.options();
            if (options.isEmpty()) {
                sb.append("No kind-specific options.\n");
                continue;
            }
            sb.append("| option | values | change | kernel | meaning |\n|---|---|---|---|---|\n");
            for (Option o : options) {
                sb.append("| `").append(o.key()).append("` | ").append(describe(o.type())).append(" | ")
                        .append(o.change() == Option.Change.IN_PLACE ? "in place" : "re-create").append(" | ")
                        .append(o.since()).append(" | ").append(o.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** Java 17 has no pattern switch (preview only), hence the instanceof chain over the sealed ValueType. */
    static String describe(ValueType t) {
        if (t instanceof ValueType.Bool) {
            return "true/false";
        } else if (t instanceof ValueType.Int i) {
            return i.min() + "–" + i.max();
        } else if (t instanceof ValueType.Choice c) {
            return c.words().stream().map(w -> "`" + w + "`").collect(Collectors.joining(" "));
        } else if (t instanceof ValueType.Text x) {
            return "text (≤ " + x.maxBytes() + " bytes)";
        } else if (t instanceof ValueType.InterfaceName) {
            return "interface name";
        } else if (t instanceof ValueType.PeerName) {
            return "name of the peer created with it";
        } else if (t instanceof ValueType.Ip ip) {
            return switch (ip.family()) {
                case ANY -> "IPv4 or IPv6 address";
                case V4 -> "IPv4 address";
                case V6 -> "IPv6 address";
            };
        } else if (t instanceof ValueType.Mac) {
            return "MAC address";
        } else if (t instanceof ValueType.ListOf l) {
            return "list of " + describe(l.element());
        } else if (t instanceof ValueType.IntMap m) {
            return "map " + describe(m.key()) + " → " + describe(m.value());
        } else if (t instanceof ValueType.AnyOf a) {
            return a.alternatives().stream().map(KindsTable::describe).collect(Collectors.joining(" or "));
        }
        throw new IllegalArgumentException("unknown value type " + t);
    }
}
