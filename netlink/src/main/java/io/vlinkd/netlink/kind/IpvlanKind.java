package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;
import java.util.Optional;

/**
 * An ipvlan: virtual links that share their parent's MAC address and are told apart by IP address. The same class
 * serves ipvtap ({@link IpvtapKind}), whose link ops are ipvlan's ({@code drivers/net/ipvlan/ipvtap.c} calls
 * {@code ipvlan_link_new}); only IFLA_INFO_KIND differs.
 *
 * <pre>
 * - name: ipv0
 *   kind: ipvlan
 *   link: eth0
 *   ipvlan: { mode: l3, flags: private }
 * </pre>
 * Equivalent to: {@code ip link add ipv0 link eth0 type ipvlan mode l3 private}.
 *
 * <p>Mode and flags belong to the parent's ipvlan port, not to one link: every ipvlan on a parent shares them, and
 * creating or changing one changes them for all ({@code ipvlan_set_port_mode} in
 * {@code drivers/net/ipvlan/ipvlan_main.c}). Both change in place: {@code ipvlan_nl_changelink} applies
 * IFLA_IPVLAN_MODE and then IFLA_IPVLAN_FLAGS.
 */
public final class IpvlanKind extends AbstractLinkKind<IpvlanKind.IpvlanSpec> {

    /** {@code IFLA_IPVLAN_MODE}: IPVLAN_MODE_L2 (0), _L3 (1), _L3S (2); a u16. */
    public static final Attr IFLA_IPVLAN_MODE = Attr.of("IFLA_IPVLAN_MODE", 1, AttrType.U16);
    /** {@code IFLA_IPVLAN_FLAGS}: IPVLAN_F_PRIVATE (1), IPVLAN_F_VEPA (2); none = bridge. A u16 (4.15). */
    public static final Attr IFLA_IPVLAN_FLAGS = Attr.of("IFLA_IPVLAN_FLAGS", 2, AttrType.U16);
    private static final AttrSpace SPACE = AttrSpace.of("IFLA_IPVLAN", IFLA_IPVLAN_MODE, IFLA_IPVLAN_FLAGS);

    /** IPVLAN_MODE_* of if_link.h. */
    static final Words MODES = Words.of("mode-", "l2", 0, "l3", 1, "l3s", 2);
    /** The flags word by value: none (bridge), IPVLAN_F_PRIVATE, IPVLAN_F_VEPA. */
    static final Words FLAGS = Words.of("flags-", "bridge", 0, "private", 1, "vepa", 2);

    /**
     * The ipvlan/ipvtap options; unset fields are not managed.
     *
     * @param mode  {@code mode l2|l3|l3s} (IFLA_IPVLAN_MODE)
     * @param flags {@code bridge|private|vepa} (IFLA_IPVLAN_FLAGS)
     */
    public record IpvlanSpec(Optional<String> mode, Optional<String> flags) implements KindSpec {
    }

    private static final List<Option> OPTIONS = List.of(
            Option.inPlace("mode", MODES.choice(), "3.19",
                    "IFLA_IPVLAN_MODE: l2, l3 or l3s (4.9); shared by every ipvlan on the parent")
                    .words(IFLA_IPVLAN_MODE, MODES),
            Option.inPlace("flags", FLAGS.choice(), "4.15",
                    "IFLA_IPVLAN_FLAGS: bridge (default), private or vepa; shared by every ipvlan on the parent")
                    .words(IFLA_IPVLAN_FLAGS, FLAGS).ip(IpWords.valueOnly()));

    /** The ipvlan kind. */
    public static final IpvlanKind INSTANCE = new IpvlanKind("ipvlan");

    /** One instance per kind name: {@link #INSTANCE} and {@link IpvtapKind#INSTANCE}. */
    IpvlanKind(String name) {
        super(name, IpvlanSpec.class, SPACE, OPTIONS);
    }

    @Override
    protected void validate(OptionValues values, LinkCommon common, Problems problems) {
        if (common.link().isEmpty()) {
            problems.add(null, "an " + name() + " needs a parent: set link (the device whose MAC address it shares)");
        }
    }

    /**
     * iproute2 always ends the data with IFLA_IPVLAN_FLAGS (0, bridge, when no flag word is given); on create
     * that is the kernel's default anyway, so we write the same and our bytes equal {@code ip}'s. A change writes
     * only what is managed: an unset {@code flags} leaves the port's flags alone.
     */
    @Override
    public void encodeCreate(IpvlanSpec spec, EncodeContext ctx, MessageWriter w) {
        super.encodeCreate(new IpvlanSpec(spec.mode(), Optional.of(spec.flags().orElse("bridge"))), ctx, w);
    }
}
