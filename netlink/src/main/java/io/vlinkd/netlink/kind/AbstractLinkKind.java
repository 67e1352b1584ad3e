package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

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
    /** The options in the order their attributes go on the wire: iproute2's, so that our bytes equal ip's. */
    private List<Option> wireOrder;
    /** The options in the order of the {@code ip} arguments. */
    private List<Option> ipOrder;

    protected AbstractLinkKind(String name, Class<S> specType, AttrSpace dataSpace, List<Option> options) {
        this.name = Objects.requireNonNull(name, "name");
        this.specType = Objects.requireNonNull(specType, "specType");
        this.dataSpace = Objects.requireNonNull(dataSpace, name + ": dataSpace (declared after INSTANCE?)");
        this.options = List.copyOf(Objects.requireNonNull(options, name + ": options (declared after INSTANCE?)"));
        this.table = new OptionTable<>(name, specType, this.options);
        this.wireOrder = this.options;
        this.ipOrder = this.options;
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

    @Override
    public final S overlay(S top, S base) {
        return table.or(top, base);
    }

    /**
     * A spec of values as the spec holds them (the wire's units, not the config's), by option key: what a kind that
     * decodes by hand builds its spec with, naming each value rather than placing it.
     */
    protected final S specOf(Map<String, ? extends Optional<?>> values) {
        return table.of(values);
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

    /** Writes every set option that has an attribute or a codec, in {@link #wireOrder(String...)}. */
    @Override
    public void encodeCreate(S spec, EncodeContext ctx, MessageWriter w) {
        table.encode(spec, wireOrder, true, ctx, w);
    }

    /** Writes the set in-place options that have an attribute or a codec, in {@link #wireOrder(String...)}. */
    @Override
    public void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        table.encode(desired, wireOrder, false, ctx, w);
    }

    @Override
    public S decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
        return table.decode(data, ctx);
    }

    @Override
    public List<String> ipArgs(S spec) {
        return table.ipArgs(spec, ipOrder);
    }

    /**
     * Writes the options in the order of {@code keys} (every option once; table order by default): iproute2's order,
     * so that our bytes equal ip's. Called from the kind's constructor.
     */
    protected final void wireOrder(String... keys) {
        wireOrder = inOrder(keys);
    }

    /** Prints the {@code ip} words of the options in the order of {@code keys}; table order by default. */
    protected final void ipOrder(String... keys) {
        ipOrder = inOrder(keys);
    }

    private List<Option> inOrder(String... keys) {
        List<Option> out = new java.util.ArrayList<>();
        for (String k : keys) {
            out.add(table.option(k));
        }
        if (Set.copyOf(out).size() != options.size()) {
            throw new IllegalArgumentException(name + ": an order names " + Set.copyOf(out).size() + " of "
                    + options.size() + " options");
        }
        return List.copyOf(out);
    }
}
