package io.vlinkd.daemon.service;

import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
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
import io.vlinkd.netlink.wire.NlRequest;
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

    /** How one dump's messages of the wanted type become values. */
    @FunctionalInterface
    private interface Decoder<T> {
        T decode(NlMessage m) throws MalformedMessageException;
    }

    /**
     * Sends {@code request} on a fresh rtnetlink socket in {@code netns} (null: this one) and decodes the replies of
     * {@code type}; a failure names {@code what} was dumped and where.
     */
    private static <T> List<T> dump(String what, String netns, NlRequest request, int type, Decoder<T> decoder)
            throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, ns(netns))) {
            List<T> out = new ArrayList<>();
            for (NlMessage m : s.dump(request)) {
                if (m.type() == type) {
                    out.add(decoder.decode(m));
                }
            }
            return out;
        } catch (NetlinkException | MalformedMessageException e) {
            throw new IOException(what + " dump" + (netns == null ? "" : " in netns " + netns) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<LinkMessage> links(String netns) throws IOException {
        return dump("link", netns, LinkRequests.dump(), Rtnl.RTM_NEWLINK, LinkMessage::decode);
    }

    @Override
    public List<AddressMessage> addresses(String netns) throws IOException {
        return dump("address", netns, AddressRequests.dump(), Rtnl.RTM_NEWADDR, AddressMessage::decode);
    }

    /** This namespace's interface names by index, for rendering events that carry only an index. */
    private Map<Integer, String> linkNames() throws IOException {
        Map<Integer, String> names = new HashMap<>();
        for (LinkMessage l : links(null)) {
            if (l.name() != null) {
                names.put(l.index(), l.name());
            }
        }
        return names;
    }

    @Override
    public void monitor(Predicate<String> sink) throws IOException {
        Map<Integer, String> names = linkNames();
        try (EventSocket events = EventSocket.subscribe(Netns.current(), NetlinkKernelPort.eventGroups())) {
            while (true) {
                List<NlMessage> batch;
                try {
                    batch = events.poll(Duration.ofSeconds(1));
                } catch (EventsLostException e) {
                    // ENOBUFS: the kernel dropped events; names may be stale, so re-read them and say so.
                    if (!sink.test("# events lost (ENOBUFS): the kernel dropped notifications; names re-read")) {
                        return;
                    }
                    names = linkNames();
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
