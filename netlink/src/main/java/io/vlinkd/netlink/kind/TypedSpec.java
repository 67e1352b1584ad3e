package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.NetlinkException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A kind and a spec of that kind, held together so that what the planner and the reconciler do with a spec they
 * know only as {@link KindSpec} needs no cast: {@code link.kind().typed(link.spec()).ipArgs()}. The one check is
 * {@link LinkKind#typed}'s, against the kind's spec class.
 *
 * @param <S> the kind's spec record
 */
public record TypedSpec<S extends KindSpec>(LinkKind<S> kind, S spec) {

    public TypedSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(spec, "spec");
    }

    /** The set options, by key. */
    public OptionValues options() {
        return kind.toOptions(spec);
    }

    /** {@link LinkKind#differences} of this spec, desired, against {@code observed} of the same kind. */
    public List<Difference> differences(KindSpec observed) {
        return kind.differences(spec, kind.cast(observed));
    }

    /** {@link LinkKind#encodeCreate}: the IFLA_INFO_DATA attributes that create a link with this spec. */
    public void encodeCreate(EncodeContext ctx, io.vlinkd.netlink.wire.MessageWriter w) {
        kind.encodeCreate(spec, ctx, w);
    }

    public List<String> ipArgs() {
        return kind.ipArgs(spec);
    }

    /** {@link LinkKind#restrict}. */
    public S restrict(Collection<String> keys) {
        return kind.restrict(spec, keys);
    }

    /** {@link LinkKind#withOption}. */
    public S withOption(String key, Object value) {
        return kind.withOption(spec, key, value);
    }

    /** {@link LinkKind#overlay}: {@code base}, of the same kind, with the options this spec sets. */
    public S over(KindSpec base) {
        return kind.overlay(spec, kind.cast(base));
    }

    /** {@link LinkKind#changeFrom}: this spec, a change, completed from {@code observed}. */
    public S changeFrom(KindSpec observed) {
        return kind.changeFrom(spec, kind.cast(observed));
    }

    /** {@link PostCreateConfiguration#commands} of this spec on link {@code name}; empty when the kind has none. */
    public List<String> postCreateCommands(String name) {
        return kind.postCreate().map(p -> p.commands(name, spec)).orElse(List.of());
    }

    /** {@link PostCreateConfiguration#configure}: sets this spec's post-create options on the link. */
    public List<String> configure(GenericNetlink genl, int ifindex, String name) throws NetlinkException {
        return postCreate().configure(genl, ifindex, name, spec);
    }

    /** {@link PostCreateConfiguration#observe}: this spec, decoded from a dump, completed over generic netlink. */
    public S observe(GenericNetlink genl, int ifindex, String name) throws NetlinkException {
        return postCreate().observe(genl, ifindex, name, spec);
    }

    private PostCreateConfiguration<S> postCreate() {
        return kind.postCreate().orElseThrow(() -> new IllegalStateException(
                kind.name() + " has no post-create configuration"));
    }

    /**
     * The names of other interfaces this spec refers to (the options of type {@link ValueType.InterfaceName}, alone
     * or in a list): vxlan {@code dev}, bond {@code primary}. They must exist before the link.
     */
    public List<String> references() {
        OptionValues values = options();
        List<String> out = new ArrayList<>();
        for (Option o : kind.options()) {
            Object v = values.asMap().get(o.key());
            if (v == null) {
                continue;
            }
            if (o.type() instanceof ValueType.InterfaceName && v instanceof String s) {
                out.add(s);
            } else if (o.type() instanceof ValueType.ListOf l && l.element() instanceof ValueType.InterfaceName
                    && v instanceof List<?> list) {
                list.forEach(x -> out.add(x.toString()));
            }
        }
        return out;
    }
}
