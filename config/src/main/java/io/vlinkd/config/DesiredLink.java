package io.vlinkd.config;

import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interface of the config: the link, the addresses it must have (these, when {@code addresses} is
 * given; not managed when it is absent), and where it was defined, for every log line and error about it.
 *
 * @param addresses         the configured addresses
 * @param addressesManaged  false when the config has no {@code addresses} key: then existing ones are left alone
 * @param adopt             {@code adopt: true}: a link of this name and kind that vlinkd did not create is taken
 *                          over and owned (deleted when it leaves the config); without it such a link is refused
 * @param addressesExclusive {@code addresses-exclusive: true}: every other permanent address of the interface is
 *                          removed too (except IPv6 link-local); without it only addresses vlinkd added are
 * @param sections          the lists the entry has of the {@link EntrySection}s ({@code neighbours:},
 *                          {@code fdb:}), by section
 */
public record DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged,
                          SourceLocation where, boolean adopt, boolean addressesExclusive,
                          Map<EntrySection<?>, List<?>> sections) {

    public DesiredLink {
        sections = Map.copyOf(sections);
    }

    /** An entry without any {@link EntrySection}'s list. */
    public DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged, SourceLocation where,
                       boolean adopt, boolean addressesExclusive) {
        this(link, addresses, addressesManaged, where, adopt, addressesExclusive, Map.of());
    }

    public DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged, SourceLocation where,
                       boolean adopt) {
        this(link, addresses, addressesManaged, where, adopt, false);
    }

    /** An entry without {@code adopt}. */
    public DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged, SourceLocation where) {
        this(link, addresses, addressesManaged, where, false);
    }

    /** This entry with another link spec; every other field (addresses, adopt, addresses-exclusive, sections) kept. */
    public DesiredLink withLink(LinkSpec other) {
        return new DesiredLink(other, addresses, addressesManaged, where, adopt, addressesExclusive, sections);
    }

    /** The objects the entry lists in {@code section}; empty when it has no such key. */
    public <T> List<T> objects(EntrySection<T> section) {
        @SuppressWarnings("unchecked") // put by the section's own read, or by withObjects, as a List<T>
        List<T> l = (List<T>) sections.getOrDefault(section, List.of());
        return l;
    }

    /** This entry with {@code objects} as its list of {@code section}. */
    public <T> DesiredLink withObjects(EntrySection<T> section, List<T> objects) {
        Map<EntrySection<?>, List<?>> m = new LinkedHashMap<>(sections);
        m.put(section, List.copyOf(objects));
        return new DesiredLink(link, addresses, addressesManaged, where, adopt, addressesExclusive, m);
    }

    public String name() {
        return link.name();
    }
}
