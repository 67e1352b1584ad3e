package io.vlinkd.netlink.kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words of a choice option and the numbers the kernel has for them ({@code IPVLAN_MODE_L3} is 1, {@code l3}),
 * each pair written out beside the other, in the order the docs list them.
 */
public final class Words {
    private final Map<String, Long> values;
    private final String unknownPrefix;

    private Words(Map<String, Long> values, String unknownPrefix) {
        this.values = Collections.unmodifiableMap(values);
        this.unknownPrefix = unknownPrefix;
    }

    /**
     * A table from alternating words and numbers: {@code Words.of("mode-", "l2", 0, "l3", 1)}.
     *
     * @param unknownPrefix what a number without a word reads as, before the number (a newer kernel's value); null:
     *                      such a number reads as not set
     */
    public static Words of(String unknownPrefix, Object... wordsAndValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            String word = (String) wordsAndValues[i];
            long value = ((Number) wordsAndValues[i + 1]).longValue();
            if (m.put(word, value) != null) {
                throw new IllegalArgumentException("word listed twice: " + word);
            }
        }
        return new Words(m, unknownPrefix);
    }

    /** The value type of the option: one of these words. */
    public ValueType.Choice choice() {
        return new ValueType.Choice(new ArrayList<>(values.keySet()));
    }

    public List<String> words() {
        return List.copyOf(values.keySet());
    }

    /** The number of {@code word}; one of the table's words, as the config's type check ensures. */
    public long value(String word) {
        Long v = values.get(word);
        if (v == null) {
            throw new IllegalArgumentException("not one of " + values.keySet() + ": " + word);
        }
        return v;
    }

    /** The word of {@code value}, or the unknown prefix and the number. */
    public String word(long value) {
        return wordOf(value).orElse(unknownPrefix + value);
    }

    /** What a dumped {@code value} reads as: its word, the unknown prefix and the number, or none. */
    Optional<String> decode(long value) {
        return unknownPrefix == null ? wordOf(value) : Optional.of(word(value));
    }

    public Optional<String> wordOf(long value) {
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getValue() == value) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
