package io.vlinkd.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A list of objects on an interface entry that one resource type manages ({@code neighbours:}, {@code fdb:}): its
 * key, the keys of one item, how an item is read and checked, and its JSON Schema. The loader, the schema and the
 * list of an entry's keys ask every section of {@link EntrySections#ALL}; a {@link DesiredLink} holds what each read
 * ({@link DesiredLink#objects}). A new type's section is one class here and its line in {@link EntrySections}.
 *
 * @param <T> one configured object, as the resource type plans it
 */
public abstract class EntrySection<T> {

    private final Key key;
    private final List<Key> itemKeys;
    private final List<String> required;
    private final String item;
    private final String example;

    /**
     * @param key      the entry's key ({@code neighbours}) with its description
     * @param itemKeys the keys of one item, in the order the schema and the docs list them
     * @param required the item keys an item must have
     * @param item     what one item is called in messages: {@code a neighbour}
     * @param example  what the list looks like, for the message about a value that is not one
     */
    EntrySection(Key key, List<Key> itemKeys, List<String> required, String item, String example) {
        this.key = key;
        this.itemKeys = itemKeys;
        this.required = required;
        this.item = item;
        this.example = example;
    }

    /**
     * What the rest of the entry says that an item's rules need: its name, its kind (null: none) and whether it has
     * a master.
     */
    record Entry(String name, String kindName, boolean hasMaster) {
    }

    /**
     * A key of one kind's section that lists this section's items in short: {@code vxlan: { remotes: [A, B] }} for
     * {@code fdb:}'s remotes. Its items join the entry's list of this section.
     *
     * @param kind  the kind whose section has the key
     * @param key   the key, with the type of its value and its description
     * @param items the items a value (read with the key's type) stands for
     */
    record Shorthand<T>(String kind, Key key, java.util.function.Function<Object, List<T>> items) {
    }

    /** This section's shorthand in a kind's section; none by default. */
    Optional<Shorthand<T>> shorthand() {
        return Optional.empty();
    }

    /**
     * {@code listed} (the entry's list of this section, empty when it has none) with the items of this section's
     * shorthand at {@code field}; empty after reporting a bad value or an item both lists name.
     */
    final Optional<List<T>> withShorthand(List<?> listed, Mapping.Field field, FileContext ctx, String path) {
        Shorthand<T> s = shorthand().orElseThrow();
        Optional<Object> value = Values.read(field.value(), s.key().type(), ctx, path, new ArrayList<>());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // the entry's list of this section, as this section's read made it
        List<T> out = new ArrayList<>((List<T>) listed);
        List<Object> seen = new ArrayList<>(out.stream().map(this::identity).toList());
        for (T item : s.items().apply(value.get())) {
            if (seen.contains(identity(item))) {
                ctx.add(field.value(), path, describe(item) + " is listed twice (in " + key.key() + ": too)");
                return Optional.empty();
            }
            seen.add(identity(item));
            out.add(item);
        }
        return Optional.of(List.copyOf(out));
    }

    final Key key() {
        return key;
    }

    final List<Key> itemKeys() {
        return itemKeys;
    }

    final List<String> requiredItemKeys() {
        return required;
    }

    final String item() {
        return item;
    }

    /**
     * The objects of one item from its keys' values ({@code values}: read with their {@link Key#type}, every
     * required one present): one, unless the item stands for several (a range of VLANs); empty after reporting, at
     * the item or its key, what the type's rules refuse.
     */
    abstract Optional<List<T>> item(Map<String, Object> values, Mapping item, FileContext ctx, String path,
                                    Entry entry);

    /** Why two items are the same object to the kernel (listing one twice is a typo): their identity. */
    abstract Object identity(T item);

    /** {@code neighbour 2001:db8::1}, {@code FDB entry 02:00:00:00:00:10}: how a duplicate is named. */
    abstract String describe(T item);

    /**
     * Why {@code next} cannot join the objects listed {@code before} it on one entry beyond being listed twice (a
     * second PVID), in the words of an error at its item; empty when it can.
     */
    Optional<String> conflict(List<T> before, T next) {
        return Optional.empty();
    }

    /** The list at {@code node}; empty after reporting every problem of it. */
    final Optional<List<T>> read(Node node, FileContext ctx, String path, Entry entry) {
        if (!(node instanceof SequenceNode seq)) {
            ctx.add(node, path, "expected a list of " + key.key() + " like " + example + ", got "
                    + Values.describe(node));
            return Optional.empty();
        }
        List<T> out = new ArrayList<>();
        Map<Object, Node> seen = new HashMap<>();
        boolean ok = true;
        int i = 0;
        for (Node element : seq.getValue()) {
            String at = path + "[" + i++ + "]";
            Optional<List<T>> objects = readItem(element, ctx, at, entry);
            if (objects.isEmpty()) {
                ok = false;
                continue;
            }
            for (T t : objects.get()) {
                Node first = seen.putIfAbsent(identity(t), element);
                Optional<String> conflict = first == null ? conflict(out, t) : Optional.empty();
                if (first != null || conflict.isPresent()) {
                    // One message per item: a range that overlaps another would name each VLAN of the overlap.
                    ctx.add(element, at, first != null ? describe(t) + " is listed twice (first at line "
                            + ctx.at(first).line() + ")" : conflict.get());
                    ok = false;
                    break;
                }
                out.add(t);
            }
        }
        return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    private Optional<List<T>> readItem(Node node, FileContext ctx, String path, Entry entry) {
        Optional<Mapping> m = Mapping.read(node, ctx, path, item());
        if (m.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        List<String> names = Key.names(itemKeys());
        for (Mapping.Field f : m.get().fields()) {
            if (!names.contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), "unknown key" + Near.hint(f.key(), names));
                ok = false;
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Key k : itemKeys()) {
            Optional<Mapping.Field> f = m.get().get(k.key());
            if (f.isPresent()) {
                Optional<Object> v = Values.read(f.get().value(), k.type(), ctx, path + "." + k.key(),
                        new ArrayList<>());
                ok &= v.isPresent();
                v.ifPresent(x -> values.put(k.key(), x));
            } else if (requiredItemKeys().contains(k.key())) {
                ctx.add(node, path, item() + " needs " + k.key() + ": (" + k.description() + ")");
                return Optional.empty();
            }
        }
        return ok ? item(values, m.get(), ctx, path, entry) : Optional.empty();
    }
}
