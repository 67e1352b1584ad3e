package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.AddressSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code wait-online} waits for: every configured interface of this namespace exists, is up when the config
 * says {@code state: up}, and has each configured address, no longer tentative (IPv6 duplicate address detection
 * still running means the address cannot be used yet, which is what network-online.target promises).
 */
public final class OnlineCheck {
    /** IFA_F_TENTATIVE (linux/if_addr.h): DAD in progress. */
    static final int IFA_F_TENTATIVE = 0x40;
    /** IFA_F_DADFAILED: DAD found a duplicate; the address will never become usable. */
    static final int IFA_F_DADFAILED = 0x08;

    private OnlineCheck() {
    }

    /** What is still missing, one line each (empty when online). Links placed in another netns are not waited on. */
    public static List<String> missing(DesiredState state, List<LinkMessage> links, List<AddressMessage> addrs) {
        Map<String, LinkMessage> byName = links.stream().filter(l -> l.name() != null)
                .collect(Collectors.toMap(LinkMessage::name, Function.identity(), (a, b) -> a));
        List<String> out = new ArrayList<>();
        for (DesiredLink d : state.links()) {
            if (d.link().netns().isPresent()) {
                continue;
            }
            LinkMessage l = byName.get(d.name());
            if (l == null) {
                out.add(d.name() + ": does not exist");
                continue;
            }
            if (d.link().state().orElse(null) == AdminState.UP && !l.isUp()) {
                out.add(d.name() + ": is down");
            }
            for (AddressSpec a : d.addresses()) {
                AddressMessage found = addrs.stream().filter(m -> m.index() == l.index()
                        && m.prefixLength() == a.prefixLength() && a.address().equals(m.own())).findFirst()
                        .orElse(null);
                if (found == null) {
                    out.add(d.name() + ": has no address " + a);
                } else if ((found.flags() & IFA_F_DADFAILED) != 0) {
                    out.add(d.name() + ": address " + a + " failed duplicate address detection");
                } else if ((found.flags() & IFA_F_TENTATIVE) != 0) {
                    out.add(d.name() + ": address " + a + " is tentative (duplicate address detection)");
                }
            }
        }
        return out;
    }
}
