package io.vlinkd.netlink.kind;

/**
 * One option of a kind's config section, in iproute2's words ({@code dstport}, {@code miimon}).
 *
 * @param key         the YAML key (kebab-case)
 * @param type        what values it takes
 * @param change      whether the kernel changes it in place or the link must be re-created
 * @param since       the first kernel version that has it, for the docs table ("3.7")
 * @param description one line for the schema, the docs and {@code --help}, naming the netlink attribute
 */
public record Option(String key, ValueType type, Change change, String since, String description) {

    /** How the kernel treats a change of this option on an existing link. */
    public enum Change {
        /** Sent in an RTM_NEWLINK without NLM_F_CREATE and applied by the kind's changelink. */
        IN_PLACE,
        /** Refused or ignored by changelink (e.g. vxlan id: "Cannot change VNI"); the link is re-created. */
        RECREATE
    }

    public static Option inPlace(String key, ValueType type, String since, String description) {
        return new Option(key, type, Change.IN_PLACE, since, description);
    }

    public static Option createOnly(String key, ValueType type, String since, String description) {
        return new Option(key, type, Change.RECREATE, since, description);
    }
}
