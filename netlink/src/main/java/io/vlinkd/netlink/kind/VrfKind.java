package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import java.util.List;
import java.util.Optional;

/**
 * A VRF (virtual routing and forwarding) master: its ports' routes go to its own table.
 *
 * <pre>
 * - name: vrf-blue
 *   kind: vrf
 *   vrf: { table: 10 }
 * </pre>
 * Equivalent to: {@code ip link add vrf-blue type vrf table 10}.
 */
public final class VrfKind extends AbstractLinkKind<VrfKind.VrfSpec> {
    /** {@code IFLA_VRF_TABLE}: the routing table id (required on create). */
    public static final Attr IFLA_VRF_TABLE = Attr.of("IFLA_VRF_TABLE", 1, AttrType.U32);
    private static final AttrSpace SPACE = AttrSpace.of("IFLA_VRF", IFLA_VRF_TABLE);

    /** @param table the routing table, {@code ip link add ... type vrf table N} */
    public record VrfSpec(Optional<Long> table) implements KindSpec {
    }

    private static final List<Option> OPTIONS = List.of(
            // vrf has no changelink: the kernel answers EOPNOTSUPP to any change, so the table is create-only.
            Option.createOnly("table", ValueType.integer(1, 0xffffffffL), "4.3",
                    "IFLA_VRF_TABLE: routing table of the VRF's ports (required; not the main table 254 or "
                            + "local 255)").attr(IFLA_VRF_TABLE));

    public static final VrfKind INSTANCE = new VrfKind();

    private VrfKind() {
        super("vrf", VrfSpec.class, SPACE, OPTIONS);
    }

    @Override
    public boolean takesPorts() {
        return true;
    }

    @Override
    protected void validate(OptionValues values, LinkCommon common, Problems problems) {
        Optional<Long> table = values.integer("table");
        if (table.isEmpty()) {
            problems.add(null, "a vrf needs a table (vrf: { table: N })");
        } else if (table.get() == 254 || table.get() == 255) {
            problems.add("table", "table " + table.get() + " is the " + (table.get() == 254 ? "main" : "local")
                    + " table; a vrf needs a table of its own");
        }
    }
}
