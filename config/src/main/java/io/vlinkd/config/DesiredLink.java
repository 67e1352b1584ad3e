package io.vlinkd.config;

import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressSpec;
import java.util.List;

/**
 * One interface of the config: the link, the addresses it must have (exactly these, when {@code addresses} is
 * given; not managed when it is absent), and where it was defined, for every log line and error about it.
 *
 * @param addresses         the configured addresses
 * @param addressesManaged  false when the config has no {@code addresses} key: then existing ones are left alone
 */
public record DesiredLink(LinkSpec link, List<AddressSpec> addresses, boolean addressesManaged,
                          SourceLocation where) {

    public String name() {
        return link.name();
    }
}
