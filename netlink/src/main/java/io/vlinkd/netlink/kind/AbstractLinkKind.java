package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import java.util.List;
import java.util.Objects;

/**
 * What every kind declares rather than computes: its name, its spec record, the attributes of its IFLA_INFO_DATA and
 * its options. A kind hands them to this constructor once; the behaviour (validation, encode, decode, change rules)
 * stays in the kind.
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

    protected AbstractLinkKind(String name, Class<S> specType, AttrSpace dataSpace, List<Option> options) {
        this.name = Objects.requireNonNull(name, "name");
        this.specType = Objects.requireNonNull(specType, "specType");
        this.dataSpace = Objects.requireNonNull(dataSpace, name + ": dataSpace (declared after INSTANCE?)");
        this.options = List.copyOf(Objects.requireNonNull(options, name + ": options (declared after INSTANCE?)"));
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
}
