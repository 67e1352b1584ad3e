package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All that vlinkd knows about one link kind, in one place (STYLE.md, "One kind, one place"): its config options,
 * validation in the operator's words, encode for create and for change, decode from a dump, the equivalent
 * {@code ip} arguments, and whether a difference can be changed in place. Implementations are stateless singletons
 * listed in {@link LinkKinds}; they extend {@link AbstractLinkKind}, which derives all of this from the kind's
 * {@link Option} table, so that adding a kind is its class (table, spec record, irregular attributes), one line in
 * {@link LinkKinds}, and its tests. Callers that hold a spec as {@link KindSpec} use {@link #typed}.
 *
 * @param <S> the kind's spec record
 */
public interface LinkKind<S extends KindSpec> {

    /** IFLA_INFO_KIND, as {@code ip link add ... type NAME} takes it. */
    String name();

    /** The spec record's class, for casting specs that arrive as {@link KindSpec}. */
    Class<S> specType();

    /** The attributes of IFLA_INFO_DATA, for naming them in errors and annotated dumps; empty when none. */
    AttrSpace dataSpace();

    /** The options of this kind's config section ({@code vxlan: {id: 42, ...}}), in iproute2's words. */
    List<Option> options();

    /**
     * Builds the spec from type-checked option values and reports what is wrong in the operator's words
     * (ranges that depend on other options, required pairs, parent rules). Returns a spec even when problems
     * were reported; callers discard it then.
     */
    S fromOptions(OptionValues values, LinkCommon common, Problems problems);

    /** The inverse of {@link #fromOptions}: the spec's set options, for diffs, status and plans. */
    OptionValues toOptions(S spec);

    /**
     * {@code spec} with only the options {@code keys} set, the others not managed: what an in-place change sends,
     * or reverts. Nothing is validated: a part of a valid spec is encoded as a change, where absent options are
     * simply not sent.
     */
    S restrict(S spec, Collection<String> keys);

    /**
     * {@code base} with every option that {@code top} sets taken from {@code top}: an existing link's spec after an
     * in-place change of some of its options.
     */
    S overlay(S top, S base);

    /**
     * {@code spec} with option {@code key} set to {@code value} (a type-checked config value): an observed pair
     * link's peer name, which the kernel reports as IFLA_LINK rather than in IFLA_INFO_DATA.
     */
    S withOption(S spec, String key, Object value);

    /** Writes the IFLA_INFO_DATA attributes that create a link with this spec (the nest is already open). */
    void encodeCreate(S spec, EncodeContext ctx, MessageWriter w);

    /**
     * Writes the IFLA_INFO_DATA attributes of an in-place change to {@code desired}: only options marked
     * {@link Option.Change#IN_PLACE} and set in {@code desired}; create-only attributes are left out because
     * changelink would refuse them.
     */
    void encodeChange(S desired, EncodeContext ctx, MessageWriter w);

    /**
     * The spec an in-place change of an existing link is encoded from ({@link #encodeChange}). Most kinds'
     * changelink applies only the attributes it is given, so this is {@code desired}. Kinds whose changelink resets
     * every attribute left out of the request (the IP tunnels: ipip_netlink_parms() and its siblings start from a
     * zeroed struct) fill what {@code desired} does not manage from {@code observed}, so that changing one option
     * keeps the others. The reconciler passes the result, in a LinkSpec, to {@code LinkRequests.change}.
     */
    default S changeFrom(S desired, S observed) {
        return desired;
    }

    /** Reads a dumped link's IFLA_INFO_DATA (possibly empty) into a spec with every reported option set. */
    S decode(Attrs data, DecodeContext ctx) throws MalformedMessageException;

    /**
     * The arguments after {@code type NAME} in the equivalent {@code ip link add} command
     * ({@code id 42 dstport 4789 nolearning}).
     */
    List<String> ipArgs(S spec);

    /** Whether this kind's IFLA_INFO_DATA is written on create even when empty (iproute2 omits an empty nest). */
    default boolean writesInfoData(S spec) {
        return !toOptions(spec).asMap().isEmpty();
    }

    /**
     * The options set in {@code desired} whose value differs from {@code observed}, each marked in place or
     * re-create from its {@link Option}, with the kernel's {@link Option#refusal} of a re-create one. Kinds override this to add rules that depend on values.
     */
    default List<Difference> differences(S desired, S observed) {
        Map<String, Object> want = toOptions(desired).asMap();
        Map<String, Object> have = toOptions(observed).asMap();
        List<Difference> out = new ArrayList<>();
        for (Option o : options()) {
            Object w = want.get(o.key());
            if (w != null && !Objects.equals(w, have.get(o.key()))) {
                out.add(new Difference(o.key(), w, have.get(o.key()), o.change(),
                        o.change() == Option.Change.RECREATE ? o.refusal() : null));
            }
        }
        return out;
    }

    /**
     * Whether links of this kind take ports, so that another link's {@code master:} may name one (the kernel's
     * device has ndo_add_slave: bridge, bond, team, vrf); every kind that takes only down ports does.
     */
    default boolean takesPorts() {
        return takesOnlyDownPorts();
    }

    /**
     * Whether links of this kind refuse a port that is up, so that an interface that is up is set down before it
     * joins (bond: EPERM "Device can not be enslaved while up"; team: EBUSY "Device is up. Set it down before
     * adding it as a team port").
     */
    default boolean takesOnlyDownPorts() {
        return false;
    }

    /**
     * Whether this kind's changelink sets the MTU again from its lower device or route unless the same request
     * carries IFLA_MTU (vti6_changelink: vti6_update(t, p, tb[IFLA_MTU]); ip6gre and ip6tnl likewise when a route
     * to the remote exists): a change of its options then carries the MTU the link is to keep, in one request with
     * the common settings.
     */
    default boolean changeResetsMtu() {
        return false;
    }

    /**
     * Whether this kind's newlink sets the MTU itself whatever IFLA_MTU says (macsec on 6.1: its lower device's MTU
     * less the SecTAG and ICV): a configured {@code mtu:} is then set by a change after the create.
     */
    default boolean createIgnoresMtu() {
        return false;
    }

    /** The MTUs this kind's devices take ({@code mtu:}); {@link MtuRule#COMMON} unless the kind says otherwise. */
    default MtuRule mtu() {
        return MtuRule.COMMON;
    }

    /**
     * What an operator must know about vlinkd's support of this kind beyond its options (how a mode behaves
     * without a helper daemon, say), in Markdown: printed under the kind's heading in {@code docs/kinds.md}.
     */
    default Optional<String> notes() {
        return Optional.empty();
    }

    /**
     * A limitation that leaves every interface of this kind short of working (macsec without keys passes no
     * traffic): printed in {@code docs/kinds.md}, and as a warning, which rejects nothing, for each interface of
     * this kind by {@code vlinkctl validate} and the daemon's start and reload.
     */
    default Optional<String> caveat() {
        return Optional.empty();
    }

    /**
     * The part of this kind's configuration set over generic netlink after the link exists (a team's mode), or
     * empty when everything travels in IFLA_INFO_DATA.
     */
    default Optional<PostCreateConfiguration<S>> postCreate() {
        return Optional.empty();
    }

    /** Casts a spec known to be of this kind. */
    default S cast(KindSpec spec) {
        return specType().cast(spec);
    }

    /** {@code spec}, checked to be of this kind, together with this kind: what callers hold without casts. */
    default TypedSpec<S> typed(KindSpec spec) {
        return new TypedSpec<>(this, cast(spec));
    }
}
