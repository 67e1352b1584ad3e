package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.socket.Netns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The port's event-fed view of a namespace against a fresh dump, after each of a series of changes made behind its
 * back with {@code ip}, including those the kernel makes without a notification (IPv4 routes flushed by a link going
 * down) or announces with less than a dump shows (a veth peer created from another namespace).
 */
class EventFedObservationKernelTest {
    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private TestNamespace ns;
    /** The view under test, and how many full dumps it had made before its first observation. */
    private NetlinkKernelPort view;
    private int dumps;

    /** A fresh namespace without IPv6 DAD (addresses are not tentative), and a view of it that has observed once. */
    @BeforeEach
    void observedFreshNamespace() throws Exception {
        ns = kernel.freshNamespace();
        kernel.assumeBridgeVethAndVxlan();
        ns.execStatus("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        view = kernel.open();
        dumps = view.fullDumps();
        view.observe();
    }

    @Test
    void theViewKeptFromNotificationsMatchesAFreshDumpAfterEveryChange() throws Exception {
        assertThat(view.fullDumps()).isEqualTo(dumps + 1);
        try (TestNamespace other = TestNamespace.create()) {
            String[][] changes = {
                    {"link", "add", "br0", "type", "bridge"},
                    {"link", "set", "br0", "up"},
                    {"addr", "add", "192.0.2.1/24", "dev", "br0"},
                    {"route", "add", "198.51.100.0/24", "via", "192.0.2.254", "dev", "br0", "onlink"},
                    {"link", "set", "br0", "down"},
                    {"link", "add", "v0", "type", "veth", "peer", "name", "v0p"},
                    {"link", "set", "v0p", "name", "v0q"},
                    {"link", "set", "v0", "master", "br0", "mtu", "1400"},
                    {"-6", "addr", "add", "2001:db8::1/64", "dev", "v0"},
                    {"link", "set", "br0", "up"},
                    {"link", "set", "br0", "type", "bridge", "stp_state", "1"},
                    {"route", "add", "203.0.113.0/24", "via", "192.0.2.253", "dev", "br0", "onlink"},
                    {"addr", "del", "192.0.2.1/24", "dev", "br0"},
                    {"link", "set", "v0", "nomaster"},
                    {"link", "del", "br0"},
            };
            assertFollowsEach(changes);
            // A veth whose peer is put here from another namespace: its first notification has no peer yet.
            other.ip("link", "add", "x0", "type", "veth", "peer", "name", "x0p", "netns", ns.name());
            assertMatchesAFreshDump(view, ns, "a peer created from another namespace");
            ns.ip("link", "set", "x0p", "netns", other.name());
            assertMatchesAFreshDump(view, ns, "a link moved away");
        }
        assertThat(view.fullDumps()).as("every change was followed from notifications, none by a full dump")
                .isEqualTo(dumps + 1);

        // The kernel announces a changed option of a link only while the link is up (netdev_state_change): for a
        // link that is down, only a re-read sees it, which is why an operator's reload re-reads everything.
        ns.ip("link", "add", "br1", "type", "bridge");
        view.observe();
        ns.ip("link", "set", "br1", "type", "bridge", "stp_state", "1");
        assertThat(view.observe().snapshot()).isNotEqualTo(freshDump(ns));
        view.resync();
        assertMatchesAFreshDump(view, ns, "a re-read");
        assertThat(view.fullDumps()).isEqualTo(dumps + 2);
    }

    /**
     * A deleted link's routes are dropped from the view without a dump (issue 14: a drift repair of 2,000 bridges
     * does not read their 6,000 routes again); what else the deletion changes silently is still read: an IPv6
     * route elsewhere whose source was the deleted link's address loses it.
     */
    @Test
    void aDeletedLinksRoutesAreDroppedAndWhatItsDeletionChangedElsewhereIsRead() throws Exception {
        String[][] changes = {
                {"link", "add", "br2", "type", "bridge"},
                {"link", "set", "br2", "up"},
                {"-6", "addr", "add", "2001:db8:2::1/64", "dev", "br2"},
                {"-6", "route", "add", "2001:db8:9::/64", "dev", "br2"},
                {"link", "add", "br5", "type", "bridge"},
                {"link", "set", "br5", "up"},
                {"-6", "route", "add", "2001:db8:8::/64", "dev", "br5", "src", "2001:db8:2::1"},
                {"link", "add", "br4", "type", "bridge"},
                {"link", "set", "br4", "up"},
                {"-6", "route", "add", "2001:db8:7::/64", "dev", "br4"},
                {"link", "del", "br4"},
                {"link", "add", "br3", "type", "bridge"},
                {"link", "set", "br3", "up"},
                {"-6", "route", "add", "2001:db8:6::/64", "dev", "br3"},
                {"link", "set", "br3", "down"},
                {"link", "del", "br3"},
                {"link", "del", "br2"},
                // Carrier changes (the peer going up and down) leave the routes as the view has them.
                {"link", "add", "c0", "type", "veth", "peer", "name", "c0p"},
                {"addr", "add", "192.0.2.9/24", "dev", "c0"},
                {"link", "set", "c0", "up"},
                {"route", "add", "198.51.100.0/24", "via", "192.0.2.254", "dev", "c0"},
                {"link", "set", "c0p", "up"},
                {"link", "set", "c0p", "down"},
                {"link", "set", "c0", "down"},
        };
        assertFollowsEach(changes);
        assertThat(view.fullDumps()).isEqualTo(dumps + 1);
    }

    /** Makes each change with {@code ip}; after each, the view equals a fresh dump. */
    private void assertFollowsEach(String[][] changes) throws Exception {
        for (String[] change : changes) {
            ns.ip(change);
            assertMatchesAFreshDump(view, ns, String.join(" ", change));
        }
    }

    private static ObservedState.Snapshot freshDump(TestNamespace ns) throws Exception {
        try (NetlinkKernelPort dump = NetlinkKernelPort.open(Netns.named(ns.name()))) {
            return dump.observe().snapshot();
        }
    }

    /** Equal within a second: operstate and carrier settle after the request returns, for both views alike. */
    private static void assertMatchesAFreshDump(NetlinkKernelPort view, TestNamespace ns, String after)
            throws Exception {
        ObservedState.Snapshot fresh = null;
        ObservedState.Snapshot seen = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            seen = view.observe().snapshot();
            fresh = freshDump(ns);
            if (seen.equals(fresh)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(seen).as("the event-fed view after " + after).isEqualTo(fresh);
    }
}
