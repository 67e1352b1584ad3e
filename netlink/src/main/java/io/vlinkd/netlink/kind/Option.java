package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One option of a kind's config section, in iproute2's words ({@code dstport}, {@code miimon}), and everything the
 * generic code of {@link AbstractLinkKind} derives from it: config reading, {@code toOptions}, differences, the
 * {@code ip} words, and the encode and decode of its attribute. The descriptive part (key, type, change, since,
 * description) also drives the JSON Schema and docs/kinds.md.
 *
 * <p>Build one with {@link #inPlace} or {@link #createOnly} and add what applies with the {@code with}-style methods:
 * {@code Option.inPlace("miimon", ValueType.integer(0, INT_MAX), "3.13", "...").attr(IFLA_BOND_MIIMON)}.
 *
 * @param key         the YAML key (kebab-case)
 * @param type        what values it takes
 * @param change      whether the kernel changes it in place or the link must be re-created
 * @param since       the first kernel version that has it, for the docs table ("3.7")
 * @param description one line for the schema, the docs and {@code --help}, naming the netlink attribute
 * @param refusal     the kernel's answer to an in-place change of a re-create option ("Cannot change VNI"), shown in
 *                    plans; null when not known
 * @param fields      the spec record's components that hold this option (its accessor); empty: the one named after
 *                    the key in camelCase ({@code arp-ip-target} → {@code arpIpTarget})
 * @param attr        the IFLA_INFO_DATA attribute its value is written to as is (its {@link Attr#wire} gives the
 *                    width); null when the kind encodes it by hand or through {@code codec}
 * @param codec       how an irregular value is written and read (several attributes, a nest, a bit set); null
 *                    for a plain {@code attr}
 * @param words       the numbers of a {@link ValueType.Choice}'s words on the wire; null when the choice is sent by
 *                    the codec or not at all
 * @param ip          how the value reads in an {@code ip link} command; null: {@code word value}, or
 *                    {@code word}/{@code noword} for a bool, with the key's dashes as underscores as the word
 * @param convert     how the spec's value (the wire's unit) becomes the config's and back; null: the same value
 * @param join        how an option held in several fields reads as one value and back (vxlan's {@code ttl}: a
 *                    number, or the {@code ttlInherit} flag); null for one field. Its codec and ip words then see
 *                    the joined value.
 */
public record Option(String key, ValueType type, Change change, String since, String description, String refusal,
                     List<String> fields, Attr attr, OptionCodec codec, Words words, IpWords ip, Convert convert,
                     Join join) {

    /** How the kernel treats a change of this option on an existing link. */
    public enum Change {
        /** Sent in an RTM_NEWLINK without NLM_F_CREATE and applied by the kind's changelink. */
        IN_PLACE,
        /** Refused or ignored by changelink (e.g. vxlan id: "Cannot change VNI"); the link is re-created. */
        RECREATE
    }

    /**
     * A spec value in the config's unit and back, for options whose spec keeps the kernel's unit (bridge times in
     * centiseconds, configured in seconds). Both sides are the values inside the Optionals.
     */
    public interface Convert {
        Object toOption(Object specValue);

        Object toSpec(Object optionValue);

        /** The conversion of these two functions, spec value to config value and back. */
        static Convert of(UnaryOperator<Object> toOption, UnaryOperator<Object> toSpec) {
            return new Convert() {
                @Override
                public Object toOption(Object specValue) {
                    return toOption.apply(specValue);
                }

                @Override
                public Object toSpec(Object optionValue) {
                    return toSpec.apply(optionValue);
                }
            };
        }
    }

    /** The value of an option held in several fields: {@link #fields}' values in, one config value out, and back. */
    public interface Join {
        /** The config value of the fields' values (in {@link #fields} order), or null when none is set. */
        Object join(List<Optional<?>> fields);

        /** The fields' values of a config value. */
        List<Optional<?>> split(Object optionValue);
    }

    public Option {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, key + ": type");
        Objects.requireNonNull(change, key + ": change");
        fields = List.copyOf(fields);
    }

    public static Option inPlace(String key, ValueType type, String since, String description) {
        return new Option(key, type, Change.IN_PLACE, since, description, null, List.of(), null, null, null, null,
                null, null);
    }

    public static Option createOnly(String key, ValueType type, String since, String description) {
        return new Option(key, type, Change.RECREATE, since, description, null, List.of(), null, null, null, null,
                null, null);
    }

    /** Written to and read from {@code attr} as is. */
    public Option attr(Attr attr) {
        return new Option(key, type, change, since, description, refusal, fields, attr, codec, words, ip, convert, join);
    }

    /** The kernel's refusal text of an in-place change. */
    public Option refusal(String refusal) {
        return new Option(key, type, change, since, description, refusal, fields, attr, codec, words, ip, convert, join);
    }

    /** Held by these components of the spec record (the first one is read by the generic code). */
    public Option fields(String... fields) {
        return new Option(key, type, change, since, description, refusal, List.of(fields), attr, codec, words, ip,
                convert, join);
    }

    /** Written and read by {@code codec}. */
    public Option codec(OptionCodec codec) {
        return new Option(key, type, change, since, description, refusal, fields, attr, codec, words, ip, convert, join);
    }

    /** Sent to {@code attr} as the number {@code words} gives each word. */
    public Option words(Attr attr, Words words) {
        return new Option(key, type, change, since, description, refusal, fields, attr, codec, words, ip, convert, join);
    }

    /** Reads as {@code ip} in an {@code ip link} command. */
    public Option ip(IpWords ip) {
        return new Option(key, type, change, since, description, refusal, fields, attr, codec, words, ip, convert, join);
    }

    /** The spec keeps another unit than the config. */
    public Option convert(Convert convert) {
        return new Option(key, type, change, since, description, refusal, fields, attr, codec, words, ip, convert, join);
    }

    /** Held by {@code fields}, read and written as one value through {@code join}. */
    public Option fields(Join join, String... fields) {
        return new Option(key, type, change, since, description, refusal, List.of(fields), attr, codec, words, ip,
                convert, join);
    }

    /** The {@code ip} words of this option; the default when none were given. */
    public IpWords ipWords() {
        if (ip != null) {
            return ip;
        }
        String word = key.replace('-', '_');
        return type instanceof ValueType.Bool ? IpWords.flag(word) : IpWords.keyValue(word);
    }
}
