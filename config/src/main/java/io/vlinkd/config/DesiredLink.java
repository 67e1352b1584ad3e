package io.vlinkd.config;

import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.route.NeighbourSpec;
import java.util.List;

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
 * @param neighbours        {@code neighbours:}, the permanent neighbour entries of the interface
 * @param fdb               {@code fdb:}, its static FDB entries (a bridge port's) or remotes (a VXLAN's)
 */
public record DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged,
                          SourceLocation where, boolean adopt, boolean addressesExclusive,
                          List<NeighbourSpec> neighbours, List<FdbSpec> fdb) {

    /** An entry without {@code neighbours:} or {@code fdb:}. */
    public DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged, SourceLocation where,
                       boolean adopt, boolean addressesExclusive) {
        this(link, addresses, addressesManaged, where, adopt, addressesExclusive, List.of(), List.of());
    }

    public DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged, SourceLocation where,
                       boolean adopt) {
        this(link, addresses, addressesManaged, where, adopt, false);
    }

    /** An entry without {@code adopt}. */
    public DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged, SourceLocation where) {
        this(link, addresses, addressesManaged, where, false);
    }

    /** This entry with another link spec; every other field (addresses, adopt, addresses-exclusive, neighbours, fdb) kept. */
    public DesiredLink withLink(LinkSpec other) {
        return new DesiredLink(other, addresses, addressesManaged, where, adopt, addressesExclusive, neighbours,
                fdb);
    }

    /** This entry with {@code neighbours:} as given. */
    public DesiredLink withNeighbours(List<NeighbourSpec> entries) {
        return new DesiredLink(link, addresses, addressesManaged, where, adopt, addressesExclusive, entries, fdb);
    }

    /** This entry with {@code fdb:} as given. */
    public DesiredLink withFdb(List<FdbSpec> entries) {
        return new DesiredLink(link, addresses, addressesManaged, where, adopt, addressesExclusive, neighbours,
                entries);
    }

    public String name() {
        return link.name();
    }
}
