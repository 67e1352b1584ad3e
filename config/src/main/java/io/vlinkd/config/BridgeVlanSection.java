package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.BridgeVlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vlans:} on a bridge port or on a VLAN-filtering bridge itself: {@code [ { vid: 10, pvid: true, untagged:
 * true }, { vid: "100-199" } ]} ({@code bridge vlan add vid VID dev DEV [pvid] [untagged] [self]}). A range stands
 * for each of its VLANs; two items that share one, and a second PVID, are errors. Whether the port's bridge filters
 * VLANs is checked once the whole config is read (Merger).
 */
public final class BridgeVlanSection extends EntrySection<BridgeVlan> {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,4})(?:-(\\d{1,4}))?");

    /** A VLAN or a range of them: an integer, or text like {@code "100-199"} (checked by {@link #vids}). */
    static final ValueType VID = ValueType.AnyOf.of(ValueType.integer(1, 4094), new ValueType.Text(9));

    private static final Key KEY = new Key("vlans", null,
            "The VLANs of a bridge port, or of a bridge itself (bridge vlan add vid VID dev DEV [pvid] [untagged] "
                    + "[self]); the bridge needs vlan-filtering: true. A VLAN vlinkd added is deleted when it leaves "
                    + "the list; a listed VLAN's flags are changed in place. The kernel's default VLAN (the bridge's "
                    + "default-pvid, 1 unless set: pvid untagged on every new port) is left alone unless listed, "
                    + "then it is vlinkd's; default-pvid: 0 on the bridge keeps new ports without it");
    private static final List<Key> ITEM = List.of(
            new Key("vid", VID, "IFLA_BRIDGE_VLAN_INFO vid: the VLAN (1-4094), or a range \"FIRST-LAST\" "
                    + "(FIRST below LAST) that stands for each of its VLANs, with the same flags"),
            new Key("pvid", ValueType.bool(), "BRIDGE_VLAN_INFO_PVID: untagged frames that enter are put in this "
                    + "VLAN; one per interface, never on a range (default false)"),
            new Key("untagged", ValueType.bool(), "BRIDGE_VLAN_INFO_UNTAGGED: frames of this VLAN leave without a "
                    + "tag (default false: tagged)"));

    // After KEY and ITEM, which its constructor reads.
    public static final BridgeVlanSection SECTION = new BridgeVlanSection();

    private BridgeVlanSection() {
        super(KEY, ITEM, List.of("vid"), "a VLAN", "[{vid: 10, pvid: true, untagged: true}, {vid: \"100-199\"}]");
    }

    @Override
    Optional<List<BridgeVlan>> item(Map<String, Object> values, Mapping item, FileContext ctx, String path,
                                    Entry entry) {
        if (!onBridgeOrPort(entry, item, ctx, path, "vlans:")) {
            return Optional.empty();
        }
        Optional<int[]> vids = vids(values.get("vid"), item, ctx, path);
        if (vids.isEmpty()) {
            return Optional.empty();
        }
        boolean pvid = Boolean.TRUE.equals(values.get("pvid"));
        boolean untagged = Boolean.TRUE.equals(values.get("untagged"));
        if (pvid && vids.get()[0] != vids.get()[1]) {
            // The PVID is one VLAN: the kernel would make each of the range's VLANs the PVID in turn.
            ctx.add(item.get("pvid").orElseThrow().keyNode(), path + ".pvid", "pvid: is one VLAN, not a range");
            return Optional.empty();
        }
        List<BridgeVlan> out = new ArrayList<>();
        for (int v = vids.get()[0]; v <= vids.get()[1]; v++) {
            out.add(new BridgeVlan(v, pvid, untagged));
        }
        return Optional.of(out);
    }

    /**
     * Whether the entry is a bridge or has a master (the bridge, checked by the merge); reports it otherwise.
     * {@code key} names the list in the message.
     */
    static boolean onBridgeOrPort(Entry entry, Mapping item, FileContext ctx, String path, String key) {
        if (entry.hasMaster() || "bridge".equals(entry.kindName())) {
            return true;
        }
        ctx.add(item.node(), path, key + " belongs to a bridge port (an entry with master: a bridge) or to a bridge "
                + "(kind: bridge); this entry has " + (entry.kindName() == null ? "neither" : "kind: "
                + entry.kindName() + " and no master:"));
        return false;
    }

    /** The first and last VLAN of {@code vid} (the same for one VLAN); empty after reporting a bad range. */
    static Optional<int[]> vids(Object vid, Mapping item, FileContext ctx, String path) {
        if (vid instanceof Long n) {
            return Optional.of(new int[] {n.intValue(), n.intValue()});
        }
        Matcher m = RANGE.matcher((String) vid);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (first >= 1 && (first < last || m.group(2) == null) && last <= 4094) {
                return Optional.of(new int[] {first, last});
            }
        }
        ctx.add(item.get("vid").orElseThrow().value(), path + ".vid", "expected a VLAN 1-4094 or a range like "
                + "\"100-199\" (first below last, both 1-4094), got \"" + vid + "\"");
        return Optional.empty();
    }

    /** The kernel keeps one entry per VLAN on an interface. */
    @Override
    Object identity(BridgeVlan item) {
        return item.vid();
    }

    @Override
    String describe(BridgeVlan item) {
        return "VLAN " + item.vid();
    }

    @Override
    Optional<String> conflict(List<BridgeVlan> before, BridgeVlan next) {
        if (!next.pvid()) {
            return Optional.empty();
        }
        return before.stream().filter(BridgeVlan::pvid).findFirst().map(p -> "VLAN " + next.vid() + " is the "
                + "pvid, but VLAN " + p.vid() + " already is: an interface has one PVID");
    }
}
