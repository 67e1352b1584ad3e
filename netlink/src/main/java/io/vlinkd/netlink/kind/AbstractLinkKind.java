package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What every kind declares rather than computes: its name, its spec record, the attributes of its IFLA_INFO_DATA and
 * its option table. From the table ({@link Option}: key, type, change rule, attribute, spec field, {@code ip} words)
 * this class derives config reading, {@code toOptions}, differences, the {@code ip} words, and the encode and
 * decode of every option that has an attribute or a codec; a kind adds its cross-option rules ({@link #validate})
 * and overrides what is irregular about it (an attribute always sent on create, an order iproute2 keeps).
 *
 * <p>Kinds are singletons held in static fields: declare {@code INSTANCE} after the static attribute space and option
 * list it is given, or they are still null here (the constructor refuses them, so the mistake fails at class load).
 *
 * @param <S> the kind's spec record
 */
public abstract class AbstractLinkKind<S extends KindSpec> implements LinkKind<S> {
    private final String name;
    private final Class<S> specType;
    private final AttrSpace dataSpace;
    private final List<Option> options;
    /** The options bound to the spec's fields. */
    private final OptionTable<S> table;

    protected AbstractLinkKind(String name, Class<S> specType, AttrSpace dataSpace, List<Option> options) {
        this.name = Objects.requireNonNull(name, "name");
        this.specType = Objects.requireNonNull(specType, "specType");
        this.dataSpace = Objects.requireNonNull(dataSpace, name + ": dataSpace (declared after INSTANCE?)");
        this.options = List.copyOf(Objects.requireNonNull(options, name + ": options (declared after INSTANCE?)"));
        this.table = new OptionTable<>(name, specType, this.options);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<S> specType() {
        return specType;
    }

    @Override
    public final AttrSpace dataSpace() {
        return dataSpace;
    }

    @Override
    public final List<Option> options() {
        return options;
    }

    /**
     * Reports what is wrong with type-checked values beyond their types, in the operator's words (ranges that
     * depend on other options, required pairs, parent rules). Nothing by default.
     */
    protected void validate(OptionValues values, LinkCommon common, Problems problems) {
    }

    /** {@link #validate}, then the spec of the values, each option in its field. */
    @Override
    public S fromOptions(OptionValues values, LinkCommon common, Problems problems) {
        validate(values, common, problems);
        return table.fromOptions(values);
    }

    /** A spec with no option set: a link of this kind with nothing managed beyond its existence. */
    public final S unmanaged() {
        return table.fromOptions(OptionValues.empty());
    }

    @Override
    public OptionValues toOptions(S spec) {
        return table.toOptions(spec);
    }

    @Override
    public S restrict(S spec, Collection<String> keys) {
        return table.restrict(spec, keys);
    }

    @Override
    public S withOption(S spec, String key, Object value) {
        return table.with(spec, key, value);
    }

    /** The options in the order their attributes go on the wire: iproute2's, so that our bytes equal ip's. */
    protected List<Option> wireOrder() {
        return options;
    }

    /** The options in the order of the {@code ip} arguments. */
    protected List<Option> ipOrder() {
        return options;
    }

    /** Writes every set option that has an attribute or a codec, in {@link #wireOrder}. */
    @Override
    public void encodeCreate(S spec, EncodeContext ctx, MessageWriter w) {
        table.encode(spec, wireOrder(), true, ctx, w);
    }

    /** Writes the set in-place options that have an attribute or a codec, in {@link #wireOrder}. */
    @Override
    public void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        table.encode(desired, wireOrder(), false, ctx, w);
    }

    @Override
    public S decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
        return table.decode(data, ctx);
    }

    @Override
    public List<String> ipArgs(S spec) {
        return table.ipArgs(spec, ipOrder());
    }

    /** The options of {@code keys}, in that order (for {@link #wireOrder} and {@link #ipOrder}). */
    protected final List<Option> inOrder(String... keys) {
        List<Option> out = new java.util.ArrayList<>();
        for (String k : keys) {
            out.add(options.stream().filter(o -> o.key().equals(k)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no option " + k)));
        }
        if (out.size() != options.size()) {
            throw new IllegalArgumentException(name + ": an order names " + out.size() + " of " + options.size()
                    + " options");
        }
        return List.copyOf(out);
    }
}
