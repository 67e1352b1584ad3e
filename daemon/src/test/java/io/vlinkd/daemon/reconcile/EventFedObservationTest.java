package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.vlan.BridgeVlanType;
import io.vlinkd.daemon.resource.vlan.VlanTunnelType;
import io.vlinkd.daemon.resource.route.RouteType;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.mdb.MdbType;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rta;
import io.vlinkd.netlink.route.RtMsg;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event-fed view against a scripted kernel: what it dumps, what it asks for, and what it returns. */
class EventFedObservationTest {
    private static final int IFF_UP = 1;

    private final ScriptedKernel kernel = new ScriptedKernel();
    private EventFedObservation view;

    @BeforeEach
    void setUp() throws Exception {
        kernel.links.put(1, link(1, "lo", IFF_UP, null));
        kernel.links.put(2, link(2, "br0", IFF_UP, null));
        view = new EventFedObservation(kernel, new ObservedStateReader(LinkKinds::byName));
    }

    @Test
    void afterTheFirstDumpAnObservationWithoutNotificationsAsksTheKernelNothing() throws Exception {
        assertThat(names(view.current())).containsExactly("lo", "br0");
        int asked = kernel.requests;
        assertThat(names(view.current())).containsExactly("lo", "br0");
        assertThat(kernel.requests).as("dumps and queries after the first").isEqualTo(asked);
        assertThat(view.fullDumps()).isEqualTo(1);
    }

    @Test
    void aTypeWhoseDumpTheKernelDoesNotHandleHasNoObjectsAndTheRestIsObserved() throws Exception {
        kernel.unsupported = MdbType.TYPE;
        ObservedState s = view.current();
        assertThat(names(s)).containsExactly("lo", "br0");
        assertThat(s.objects(MdbType.TYPE)).isEmpty();
    }

    @Test
    void aLinkNotificationIsReadBackByIndexNotTakenAsItIs() throws Exception {
        view.current();
        // The kernel's answer has the peer (IFLA_LINK) the notification lacked, as for a veth peer made elsewhere.
        kernel.links.put(3, link(3, "v0", IFF_UP, 2));
        kernel.events.add(link(3, "v0", 0, null));
        ObservedState s = view.current();
        assertThat(s.link("v0").orElseThrow().parent()).isEqualTo(2);
        assertThat(s.link("v0").orElseThrow().up()).isTrue();
        assertThat(view.fullDumps()).isEqualTo(1);
        assertThat(kernel.linkQueries).containsExactly(3);
    }

    @Test
    void aDeletedLinkTakesItsAddressesAlongAndTheRoutesAreDumpedAgain() throws Exception {
        kernel.addresses.add(address(2, "192.0.2.1"));
        assertThat(view.current().addressesOf(2)).hasSize(1);
        int routeDumps = kernel.routeDumps;
        kernel.links.remove(2);
        kernel.events.add(deleted(link(2, "br0", IFF_UP, null)));
        ObservedState s = view.current();
        assertThat(names(s)).containsExactly("lo");
        assertThat(s.addressesOf(2)).isEmpty();
        assertThat(kernel.routeDumps).as("IPv4 routes of a deleted link go without a notification")
                .isEqualTo(routeDumps + 1);
        assertThat(view.fullDumps()).isEqualTo(1);
    }

    @Test
    void aDeletedLinkWithoutIpv4AddressesTakesItsRoutesAlongWithoutADump() throws Exception {
        kernel.addresses.add(address(2, "fe80::1"));
        kernel.routes.add(route(2, "fe80::", 64, null));
        kernel.routes.add(route(2, "ff00::", 8, null));
        kernel.routes.add(route(1, "::1", 128, null));
        assertThat(view.current().routes()).hasSize(3);
        int routeDumps = kernel.routeDumps;
        // As `ip link del br0` announces it: the link goes down, its address and routes go, then the link.
        kernel.links.remove(2);
        NlMessage loopback = kernel.routes.get(2);
        kernel.routes.clear();
        kernel.routes.add(loopback);
        kernel.events.add(link(2, "br0", 0, null));
        kernel.events.add(deleted(address(2, "fe80::1")));
        kernel.events.add(deleted(route(2, "ff00::", 8, null)));
        kernel.events.add(deleted(link(2, "br0", 0, null)));
        ObservedState s = view.current();
        assertThat(names(s)).containsExactly("lo");
        assertThat(s.addressesOf(2)).isEmpty();
        assertThat(s.routes()).extracting(r -> r.oif()).containsExactly(1);
        assertThat(kernel.routeDumps).isEqualTo(routeDumps);
        assertThat(view.fullDumps()).isEqualTo(1);
    }

    @Test
    void aLinkFoundGoneWhenAskedForIsDeletedWithItsAddressesAndRoutes() throws Exception {
        kernel.addresses.add(address(2, "fe80::1"));
        kernel.routes.add(route(2, "fe80::", 64, null));
        view.current();
        int routeDumps = kernel.routeDumps;
        // The repair reads the link going down; the link is gone when it asks (its RTM_DELLINK comes later).
        kernel.links.remove(2);
        kernel.routes.clear();
        kernel.events.add(link(2, "br0", 0, null));
        ObservedState s = view.current();
        assertThat(names(s)).containsExactly("lo");
        assertThat(s.addressesOf(2)).isEmpty();
        assertThat(s.routes()).isEmpty();
        kernel.events.add(deleted(address(2, "fe80::1")));
        kernel.events.add(deleted(route(2, "fe80::", 64, null)));
        kernel.events.add(deleted(link(2, "br0", 0, null)));
        assertThat(view.current().routes()).isEmpty();
        assertThat(kernel.routeDumps).as("what was announced after is what the view already dropped")
                .isEqualTo(routeDumps);
    }

    @Test
    void aDeletedLinkThatRoutesMayStillDependOnHasTheRoutesDumpedAgain() throws Exception {
        kernel.links.put(3, link(3, "br1", IFF_UP, null));
        kernel.links.put(4, link(4, "br2", IFF_UP, null));
        kernel.links.put(5, link(5, "p0", IFF_UP, null, 4));
        kernel.addresses.add(address(2, "2001:db8::1"));
        // A multipath route (no RTA_OIF: its nexthops are not decoded) and a route whose source is br0's address.
        kernel.routes.add(route(0, "198.51.100.0", 24, null));
        kernel.routes.add(route(1, "2001:db8:1::", 64, "2001:db8::1"));
        view.current();

        assertThat(routeDumpsAfterDeleting(2, "br0"))
                .as("a multipath route may go through it; an IPv6 source is cleared")
                .isEqualTo(1);

        kernel.routes.clear();
        view.invalidate();
        view.current();
        assertThat(routeDumpsAfterDeleting(4, "br2"))
                .as("a master's ports are released (their notifications may not be read yet)")
                .isEqualTo(1);

        kernel.links.put(6, link(6, "br3", IFF_UP, null));
        kernel.addresses.add(address(6, "192.0.2.1"));
        view.invalidate();
        view.current();
        assertThat(routeDumpsAfterDeleting(6, "br3"))
                .as("an IPv4 address takes the routes whose source it was, on any device")
                .isEqualTo(1);
    }

    @Test
    void aRouteDeletionIsAppliedWhenTheViewHoldsThatRoute() throws Exception {
        kernel.routes.add(route(2, "2001:db8:1::", 64, null));
        kernel.routes.add(route(2, "2001:db8:2::", 64, null));
        view.current();
        int routeDumps = kernel.routeDumps;
        kernel.events.add(deleted(route(2, "2001:db8:1::", 64, null)));
        assertThat(view.current().routes()).extracting(r -> r.dst().getHostAddress())
                .containsExactly("2001:db8:2:0:0:0:0:0");
        assertThat(kernel.routeDumps).isEqualTo(routeDumps);

        assertThat(routeDumpsAfter(deleted(route(2, "2001:db8:3::", 64, null))))
                .as("a route the view does not hold so").isEqualTo(routeDumps + 1);
        assertThat(routeDumpsAfter(route(2, "2001:db8:3::", 64, null))).as("a route added").isEqualTo(routeDumps + 2);
    }

    @Test
    void anAttributeChangeOfALinkLeavesTheRoutesAsTheyWere() throws Exception {
        view.current();
        int routeDumps = kernel.routeDumps;
        assertThat(routeDumpsAfter(link(2, "br0", IFF_UP, null))).isEqualTo(routeDumps);
        assertThat(routeDumpsAfter(link(2, "br0", 0, null)))
                .as("a link down flushes its IPv4 routes silently").isEqualTo(routeDumps + 1);
    }

    @Test
    void aPortsBridgeNotificationDumpsTheVlansAgainAndNotTheRoutes() throws Exception {
        kernel.links.put(3, link(3, "v0", IFF_UP, null, 2));
        view.current();
        int routeDumps = kernel.routeDumps;
        int vlanDumps = kernel.vlanDumps;
        // br_ifinfo_notify after `bridge vlan del vid 10 dev v0`: family AF_BRIDGE, the port's remaining VLANs.
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(Rtnl.AF_BRIDGE, 1, 3, IFF_UP, 0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, "v0");
        w.putInt(Ifla.IFLA_MASTER, 2);
        kernel.events.add(NlMessage.parseOne(w.finish("port").bytes()));
        view.current();
        assertThat(kernel.vlanDumps).as("one dump for the VLANs and their tunnel mappings").isEqualTo(vlanDumps + 1);
        assertThat(kernel.routeDumps).isEqualTo(routeDumps);
        assertThat(view.fullDumps()).isEqualTo(1);
    }

    @Test
    void aCarrierChangeOrALinkGoingUpLeavesTheRoutesAsTheyWere() throws Exception {
        view.current();
        int routeDumps = kernel.routeDumps;
        int running = 0x40;
        int lowerUp = 0x10000;
        kernel.events.add(link(2, "br0", IFF_UP | running | lowerUp, null));
        view.current();
        assertThat(routeDumpsAfter(link(2, "br0", IFF_UP, null)))
                .as("a carrier change only marks nexthops linkdown").isEqualTo(routeDumps);
        kernel.events.add(link(2, "br0", 0, null));
        view.current();
        assertThat(routeDumpsAfter(link(2, "br0", IFF_UP, null)))
                .as("down dumps; what going up adds is announced").isEqualTo(routeDumps + 1);
    }

    @Test
    void lostNotificationsOurOwnWritesAndManyChangesEachDumpEverything() throws Exception {
        view.current();
        kernel.lose = true;
        view.current();
        assertThat(view.fullDumps()).as("after ENOBUFS").isEqualTo(2);

        view.invalidate();
        view.current();
        assertThat(view.fullDumps()).as("after vlinkd's own writes").isEqualTo(3);

        for (int i = 10; i < 10 + EventFedObservation.MAX_LINK_QUERIES + 1; i++) {
            kernel.links.put(i, link(i, "b" + i, 0, null));
            kernel.events.add(link(i, "b" + i, 0, null));
        }
        assertThat(view.current().links()).hasSize(2 + EventFedObservation.MAX_LINK_QUERIES + 1);
        assertThat(view.fullDumps()).as("too many links changed to ask for each").isEqualTo(4);
        assertThat(kernel.linkQueries).isEmpty();
    }

    @Test
    void aNotificationThatCannotBeReadMakesTheNextObservationADump() throws Exception {
        view.current();
        // An RTM_NEWLINK too short to hold its ifinfomsg.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(20).putShort((short) Rtnl.RTM_NEWLINK).putShort((short) 0).putInt(0).putInt(0).putInt(0);
        kernel.events.add(NlMessage.parseOne(b.array()));
        kernel.links.put(3, link(3, "br1", IFF_UP, null));
        kernel.events.add(link(3, "br1", IFF_UP, null));
        assertThat(names(view.current())).containsExactly("lo", "br0", "br1");
        assertThat(view.fullDumps()).isEqualTo(2);
    }

    @Test
    void aRenamedPeerIsSeenInTheSpecOfTheLinkThatNamesIt() throws Exception {
        kernel.links.put(3, veth(3, "v0", 4));
        kernel.links.put(4, veth(4, "v0p", 3));
        assertThat(peer(view.current(), "v0")).isEqualTo("v0p");
        kernel.links.put(4, veth(4, "v0q", 3));
        kernel.events.add(veth(4, "v0q", 3));
        assertThat(peer(view.current(), "v0")).isEqualTo("v0q");
    }

    private static String peer(ObservedState s, String name) {
        return KindTraits.options(s.link(name).orElseThrow().kind(), s.link(name).orElseThrow().spec()).string("peer")
                .orElse(null);
    }

    private static List<String> names(ObservedState s) {
        return s.links().stream().map(ObservedLink::name).toList();
    }

    /** The kernel's count of route dumps after the view has read {@code event}. */
    private int routeDumpsAfter(NlMessage event) throws Exception {
        kernel.events.add(event);
        view.current();
        return kernel.routeDumps;
    }

    /** How many route dumps the view makes on reading that link {@code index}, which was up, is gone. */
    private int routeDumpsAfterDeleting(int index, String name) throws Exception {
        int before = kernel.routeDumps;
        kernel.links.remove(index);
        return routeDumpsAfter(deleted(link(index, name, IFF_UP, null))) - before;
    }

    private static NlMessage link(int index, String name, int flags, Integer parent) throws Exception {
        return link(index, name, flags, parent, null);
    }

    private static NlMessage link(int index, String name, int flags, Integer parent, Integer master)
            throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(0, 1, index, flags, 0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        w.putInt(Ifla.IFLA_MTU, 1500);
        if (parent != null) {
            w.putInt(Ifla.IFLA_LINK, parent);
        }
        if (master != null) {
            w.putInt(Ifla.IFLA_MASTER, master);
        }
        return NlMessage.parseOne(w.finish("test link").bytes());
    }

    private static NlMessage veth(int index, String name, int peer) throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        new IfInfoMsg(0, 1, index, IFF_UP, 0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        w.putInt(Ifla.IFLA_LINK, peer);
        try (MessageWriter.Nest info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, "veth");
        }
        return NlMessage.parseOne(w.finish("test veth").bytes());
    }

    /** The deletion of what {@code m} announces (RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE + 1). */
    private static NlMessage deleted(NlMessage m) throws Exception {
        byte[] b = m.buf().clone();
        b[4] = (byte) (m.type() + 1);
        b[5] = 0;
        return NlMessage.parseOne(b);
    }

    /** A unicast route of the main table through {@code oif} (0: none, as a multipath route is decoded). */
    private static NlMessage route(int oif, String dst, int prefixLength, String prefsrc) throws Exception {
        InetAddress to = InetAddress.getByName(dst);
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWROUTE, 0);
        new RtMsg(to instanceof java.net.Inet4Address ? Rtnl.AF_INET : Rtnl.AF_INET6, prefixLength, 0, 0, 254,
                Rtnl.RTPROT_KERNEL, 0, Rtnl.RTN_UNICAST, 0).writeTo(w);
        w.putAddress(Rta.RTA_DST, to);
        if (prefsrc != null) {
            w.putAddress(Rta.RTA_PREFSRC, InetAddress.getByName(prefsrc));
        }
        if (oif != 0) {
            w.putInt(Rta.RTA_OIF, oif);
        }
        return NlMessage.parseOne(w.finish("test route").bytes());
    }

    private static NlMessage address(int index, String ip) throws Exception {
        return NlMessage.parseOne(AddressRequests.add(index, "dev", AddressSpec.of(InetAddress.getByName(ip), 24))
                .bytes());
    }

    /** The kernel as scripted by each test: its links, addresses and the notifications it has queued. */
    private static final class ScriptedKernel implements EventFedObservation.Source {
        final Map<Integer, NlMessage> links = new LinkedHashMap<>();
        final List<NlMessage> addresses = new ArrayList<>();
        final List<NlMessage> routes = new ArrayList<>();
        final List<NlMessage> events = new ArrayList<>();
        final List<Integer> linkQueries = new ArrayList<>();
        boolean lose;
        /** A type whose dump this kernel does not handle (EOPNOTSUPP), as the MDB's before the bridge module. */
        ResourceType<?, ?, ?, ?> unsupported;
        int requests;
        int routeDumps;
        int vlanDumps;

        @Override
        public List<NlMessage> dumpLinks() {
            requests++;
            linkQueries.clear();
            return List.copyOf(links.values());
        }

        /**
         * Its addresses; its routes and the bridge VLANs' AF_BRIDGE link dumps (counted); nothing of the other types.
         */
        @Override
        public List<NlMessage> dump(ResourceType<?, ?, ?, ?> type) throws NetlinkException {
            requests++;
            if (type == unsupported) {
                throw new NetlinkException("RTM_GETMDB dump", Errno.EOPNOTSUPP, null, null, null);
            }
            if (type == AddressType.TYPE) {
                return List.copyOf(addresses);
            }
            if (type == BridgeVlanType.TYPE || type == VlanTunnelType.TYPE) {
                vlanDumps++;
                return List.of();
            }
            if (type != RouteType.TYPE) {
                return List.of();
            }
            routeDumps++;
            return List.copyOf(routes);
        }

        @Override
        public List<NlMessage> getLink(int index) {
            requests++;
            linkQueries.add(index);
            NlMessage m = links.get(index);
            return m == null ? List.of() : List.of(m);
        }

        @Override
        public List<NlMessage> pending() throws NetlinkException {
            if (lose) {
                lose = false;
                events.clear();
                throw new EventsLostException("scripted");
            }
            List<NlMessage> out = List.copyOf(events);
            events.clear();
            return out;
        }
    }
}
