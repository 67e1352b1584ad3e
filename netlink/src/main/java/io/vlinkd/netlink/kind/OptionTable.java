package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link AbstractLinkKind} derives from a kind's option table: each option bound to the components of the
 * kind's spec record that hold it ({@link Option#fields}), so that a spec is read into option values, built from
 * them through the record's canonical constructor, restricted to some options, encoded and decoded, and printed as
 * {@code ip} words, without the kind listing its fields again.
 *
 * <p>Every component of the record is an {@code Optional} ("not set" is "not managed"), or a record of Optionals
 * that groups several options (a GRE spec's {@code header}); a field no option holds (a veth's observed peer netns
 * id) is empty in what this class builds. The binding is checked when the kind is
 * created, so a misspelt field fails at class load (and in every unit test that touches the kind).
 *
 * @param <S> the kind's spec record
 */
final class OptionTable<S extends KindSpec> {
    private final String kind;
    private final List<Option> options;
    /** The spec's canonical constructor, typed {@code (Object[])Object}. */
    private final MethodHandle constructor;
    private final RecordComponent[] components;
    /**
     * The Optional fields the options are held in: the spec's own components, and those of a record component that
     * groups several options (a GRE spec's {@code header}).
     */
    private final List<Leaf> leaves = new ArrayList<>();
    /** By option key: the indices of the leaves that hold it, the first being read and written. */
    private final Map<String, int[]> slots = new HashMap<>();
    /** By spec component: its leaf, or its group's leaves and canonical constructor. */
    private final Object[] layout;

    /** One Optional field: {@code component} of the spec, or {@code inner} of the record in that component. */
    private record Leaf(RecordComponent component, RecordComponent inner, Class<?> element, MethodHandle getter) {
        Leaf(RecordComponent component, RecordComponent inner, Class<?> element) {
            this(component, inner, element, getter(component, inner));
        }

        String name() {
            return (inner == null ? component : inner).getName();
        }

        /**
         * The spec's accessor (then the group's), typed {@code (Object)Object}: a handle, not reflection, since
         * every dump, diff and plan reads specs through it.
         */
        private static MethodHandle getter(RecordComponent component, RecordComponent inner) {
            MethodHandle h = accessor(component);
            if (inner != null) {
                h = MethodHandles.filterReturnValue(h, accessor(inner));
            }
            return h.asType(MethodType.methodType(Object.class, Object.class));
        }

        private static MethodHandle accessor(RecordComponent c) {
            try {
                Method m = c.getAccessor();
                m.setAccessible(true);
                return MethodHandles.lookup().unreflect(m);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
    }

    private record Group(MethodHandle constructor, int[] leaves) {
    }

    OptionTable(String kind, Class<S> specType, List<Option> options) {
        this.kind = kind;
        this.options = options;
        components = record(specType).getRecordComponents();
        layout = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            if (c.getType() == Optional.class) {
                layout[i] = leaves.size();
                leaves.add(new Leaf(c, null, elementClass(c.getGenericType())));
            } else {
                RecordComponent[] inner = record(c.getType()).getRecordComponents();
                int[] idx = new int[inner.length];
                for (int j = 0; j < inner.length; j++) {
                    if (inner[j].getType() != Optional.class) {
                        throw new IllegalArgumentException(kind + ": " + c.getType().getSimpleName() + "."
                                + inner[j].getName() + " is not an Optional");
                    }
                    idx[j] = leaves.size();
                    leaves.add(new Leaf(c, inner[j], elementClass(inner[j].getGenericType())));
                }
                layout[i] = new Group(canonical(c.getType()), idx);
            }
        }
        for (Option o : options) {
            List<String> names = o.fields().isEmpty() ? List.of(camel(o.key())) : o.fields();
            int[] idx = new int[names.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = leaf(specType, o, names.get(i));
            }
            slots.put(o.key(), idx);
        }
        constructor = canonical(specType);
    }

    private Class<?> record(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(kind + ": " + type.getSimpleName() + " is neither a record nor an "
                    + "Optional");
        }
        return type;
    }

    private int leaf(Class<?> specType, Option o, String name) {
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(kind + ": option " + o.key() + " names no field of "
                + specType.getSimpleName() + ": " + name);
    }

    /** {@code type}'s canonical constructor as a handle that takes the components in an array. */
    private MethodHandle canonical(Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            c.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(c)
                    .asSpreader(Object[].class, c.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(kind + ": " + type.getSimpleName() + " has no canonical constructor", e);
        }
    }

    private static Class<?> elementClass(Type t) {
        if (t instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            if (arg instanceof ParameterizedType q) {
                return (Class<?>) q.getRawType();
            }
            if (arg instanceof Class<?> c) {
                return c;
            }
        }
        return Object.class;
    }

    /** {@code arp-ip-target} → {@code arpIpTarget}. */
    static String camel(String key) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** The spec's value of {@code o} (in the spec's unit; joined, for an option of several fields), if set. */
    Optional<?> get(S spec, Option o) {
        int[] idx = slots.get(o.key());
        if (o.join() == null) {
            return (Optional<?>) read(spec, idx[0]);
        }
        List<Optional<?>> fields = new ArrayList<>();
        for (int i : idx) {
            fields.add((Optional<?>) read(spec, i));
        }
        return Optional.ofNullable(o.join().join(fields));
    }

    private Object read(S spec, int i) {
        Leaf l = leaves.get(i);
        try {
            return (Object) l.getter().invokeExact((Object) spec);
        } catch (Throwable e) {
            throw new IllegalStateException(kind + ": cannot read " + l.name(), e);
        }
    }

    /** The set options, in the config's units (the inverse of {@link #build}). */
    OptionValues toOptions(S spec) {
        OptionValues.Builder b = OptionValues.builder();
        for (Option o : options) {
            b.put(o.key(), get(spec, o).map(v -> o.convert() == null || o.join() != null ? v
                    : o.convert().toOption(v)));
        }
        return b.build();
    }

    /** A spec from config values (type-checked, in the config's units); options not in {@code values} unset. */
    S fromOptions(OptionValues values) {
        Object[] args = empty();
        for (Option o : options) {
            values.get(o.key()).ifPresent(v -> setOption(args, o, v));
        }
        return construct(args);
    }

    /** {@code spec} with only the options {@code keys} set: what an in-place change sends, or reverts. */
    S restrict(S spec, Collection<String> keys) {
        Object[] args = empty();
        for (Option o : options) {
            if (keys.contains(o.key())) {
                for (int i : slots.get(o.key())) {
                    args[i] = read(spec, i);
                }
            }
        }
        return construct(args);
    }

    /** {@code spec} with option {@code key} set to {@code value} (in the config's unit); the rest as they are. */
    S with(S spec, String key, Object value) {
        Object[] args = new Object[leaves.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = read(spec, i);
        }
        setOption(args, option(key), value);
        return construct(args);
    }

    /** Each field of {@code first}, or of {@code fallback} where {@code first}'s is not set. */
    S or(S first, S fallback) {
        Object[] args = new Object[leaves.size()];
        for (int i = 0; i < args.length; i++) {
            Optional<?> f = (Optional<?>) read(first, i);
            args[i] = f.isPresent() ? f : read(fallback, i);
        }
        return construct(args);
    }

    /** A spec of values in the spec's units, by option key; options not given unset. */
    S of(Map<String, ? extends Optional<?>> values) {
        Object[] args = empty();
        values.forEach((key, v) -> v.ifPresent(x -> set(args, option(key), x)));
        return construct(args);
    }

    Option option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind + " has no option " + key));
    }

    /** Writes the set options of {@code order} that have an attribute or a codec; a change only the in-place ones. */
    void encode(S spec, List<Option> order, boolean create, EncodeContext ctx, MessageWriter w) {
        for (Option o : order) {
            if (!create && o.change() == Option.Change.RECREATE) {
                continue;
            }
            Optional<?> v = get(spec, o);
            if (v.isEmpty()) {
                continue;
            }
            if (o.codec() != null && create) {
                o.codec().encode(v.get(), ctx, w);
            } else if (o.codec() != null) {
                o.codec().encodeChange(v.get(), ctx, w);
            } else if (o.attr() != null) {
                encodePlain(o, v.get(), ctx, w);
            }
        }
    }

    private static void encodePlain(Option o, Object v, EncodeContext ctx, MessageWriter w) {
        if (o.words() != null) {
            w.putInt(o.attr(), o.words().value((String) v));
        } else if (v instanceof Boolean b) {
            if (o.attr().wire() == AttrType.FLAG) {
                if (b) {
                    w.putFlag(o.attr());
                }
            } else {
                w.putInt(o.attr(), b ? 1 : 0);
            }
        } else if (v instanceof Number n) {
            w.putInt(o.attr(), n.longValue());
        } else if (v instanceof String s && o.type() instanceof ValueType.InterfaceName) {
            w.putInt(o.attr(), ctx.ifindex(s));
        } else if (v instanceof String s) {
            w.putString(o.attr(), s);
        } else if (v instanceof InetAddress a) {
            w.putAddress(o.attr(), a);
        } else if (v instanceof MacAddress m) {
            w.putMac(o.attr(), m);
        } else {
            throw new IllegalStateException(o.key() + ": no plain encoding of a " + v.getClass().getSimpleName());
        }
    }

    /** The options that have an attribute or a codec, as {@code data} holds them; the others unset. */
    S decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
        Object[] args = empty();
        for (Option o : options) {
            Optional<?> v = Optional.empty();
            if (o.codec() != null) {
                v = o.codec().decode(data, ctx);
            } else if (o.attr() != null) {
                v = decodePlain(o, leaves.get(slots.get(o.key())[0]).element(), data, ctx);
            }
            if (v.isPresent()) {
                set(args, o, v.get());
            }
        }
        return construct(args);
    }

    private static Optional<?> decodePlain(Option o, Class<?> element, Attrs d, DecodeContext ctx)
            throws MalformedMessageException {
        if (o.words() != null) {
            return d.integer(o.attr()).flatMap(o.words()::decode);
        }
        if (element == Boolean.class) {
            if (o.attr().wire() == AttrType.FLAG) {
                return d.has(o.attr()) ? Optional.of(true) : Optional.empty();
            }
            return d.integer(o.attr()).map(x -> x != 0);
        }
        if (element == Long.class || element == Integer.class) {
            return d.integer(o.attr());
        }
        if (element == String.class && o.type() instanceof ValueType.InterfaceName) {
            Optional<Long> index = d.integer(o.attr());
            if (index.isEmpty()) {
                return Optional.empty();
            }
            int i = (int) (long) index.get();
            return Optional.of(ctx.nameOf(i).orElse("ifindex-" + i));
        }
        if (element == String.class) {
            return d.string(o.attr());
        }
        if (element == InetAddress.class) {
            return d.address(o.attr());
        }
        if (element == MacAddress.class) {
            return d.mac(o.attr());
        }
        throw new IllegalStateException(o.key() + ": no plain decoding into a " + element.getSimpleName());
    }

    /** The {@code ip} words of the set options of {@code order}. */
    List<String> ipArgs(S spec, List<Option> order) {
        List<String> out = new ArrayList<>();
        for (Option o : order) {
            get(spec, o).ifPresent(v -> out.addAll(o.ipWords().words(v)));
        }
        return out;
    }

    private Object[] empty() {
        Object[] args = new Object[leaves.size()];
        Arrays.fill(args, Optional.empty());
        return args;
    }

    /** Puts a config value in the option's fields, converted to the spec's unit or split. */
    private void setOption(Object[] args, Option o, Object value) {
        if (o.join() != null) {
            int[] idx = slots.get(o.key());
            List<Optional<?>> fields = o.join().split(value);
            for (int i = 0; i < idx.length; i++) {
                args[idx[i]] = fields.get(i);
            }
        } else {
            set(args, o, o.convert() == null ? value : o.convert().toSpec(value));
        }
    }

    /**
     * Puts a spec value in the option's first field, as that field's integer width wants it (a joined value is
     * split); null, which a {@link Option.Convert} returns for a value the kind's validation refused, leaves it unset.
     */
    private void set(Object[] args, Option o, Object value) {
        if (o.join() != null) {
            setOption(args, o, value);
            return;
        }
        if (value == null) {
            return;
        }
        int i = slots.get(o.key())[0];
        Class<?> element = leaves.get(i).element();
        Object v = value;
        if (element == Integer.class && v instanceof Long l) {
            v = l.intValue();
        } else if (element == Long.class && v instanceof Integer n) {
            v = n.longValue();
        }
        args[i] = Optional.of(v);
    }

    /** The spec of leaf values {@code args}, each group's record built first. */
    @SuppressWarnings("unchecked")
    private S construct(Object[] args) {
        try {
            Object[] top = new Object[components.length];
            for (int i = 0; i < top.length; i++) {
                if (layout[i] instanceof Group g) {
                    Object[] inner = new Object[g.leaves().length];
                    for (int j = 0; j < inner.length; j++) {
                        inner[j] = args[g.leaves()[j]];
                    }
                    top[i] = (Object) g.constructor().invokeExact(inner);
                } else {
                    top[i] = args[(Integer) layout[i]];
                }
            }
            return (S) (Object) constructor.invokeExact(top);
        } catch (RuntimeException e) {
            throw new IllegalStateException(kind + ": its spec refused the values", e);
        } catch (Throwable e) {
            throw new IllegalStateException(kind + ": cannot build its spec", e);
        }
    }
}
