package io.vlinkd.daemon.service;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The kernel view over the netlink socket layer: one short-lived socket per dump, an event socket for monitor. */
public final class NetlinkKernelView implements KernelView {

    private static Netns ns(String netns) {
        return netns == null ? Netns.current() : Netns.named(netns);
    }

    @Override
    public List<LinkMessage> links(String netns) throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, ns(netns))) {
            List<LinkMessage> out = new ArrayList<>();
            for (NlMessage m : s.dump(LinkRequests.dump())) {
                if (m.type() == Rtnl.RTM_NEWLINK) {
                    out.add(LinkMessage.decode(m));
                }
            }
            return out;
        } catch (NetlinkException | MalformedMessageException e) {
            throw new IOException("link dump" + (netns == null ? "" : " in netns " + netns) + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<AddressMessage> addresses(String netns) throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, ns(netns))) {
            List<AddressMessage> out = new ArrayList<>();
            for (NlMessage m : s.dump(AddressRequests.dump())) {
                if (m.type() == Rtnl.RTM_NEWADDR) {
                    out.add(AddressMessage.decode(m));
                }
            }
            return out;
        } catch (NetlinkException | MalformedMessageException e) {
            throw new IOException("address dump" + (netns == null ? "" : " in netns " + netns) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void monitor(Predicate<String> sink) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        for (LinkMessage l : links(null)) {
            if (l.name() != null) {
                names.put(l.index(), l.name());
            }
        }
        try (EventSocket events = EventSocket.subscribe(Netns.current(), Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_IPV4_IFADDR,
                Rtnl.RTNLGRP_IPV6_IFADDR, Rtnl.RTNLGRP_IPV4_ROUTE, Rtnl.RTNLGRP_IPV6_ROUTE)) {
            while (true) {
                List<NlMessage> batch;
                try {
                    batch = events.poll(Duration.ofSeconds(1));
                } catch (EventsLostException e) {
                    // ENOBUFS: the kernel dropped events; names may be stale, so re-read them and say so.
                    if (!sink.test("# events lost (ENOBUFS): the kernel dropped notifications; names re-read")) {
                        return;
                    }
                    names.clear();
                    for (LinkMessage l : links(null)) {
                        if (l.name() != null) {
                            names.put(l.index(), l.name());
                        }
                    }
                    continue;
                }
                for (NlMessage m : batch) {
                    if (!sink.test(EventView.render(m, names))) {
                        return;
                    }
                }
            }
        } catch (NetlinkException e) {
            throw new IOException("monitor: " + e.getMessage(), e);
        }
    }
}
