package io.vlinkd.it.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The multicast subscription and interrupted dumps. */
class EventsAndDumpsTest {

    @BeforeAll
    static void needsNamespaces() {
        Kernel.assumeNamespaces();
    }

    @Test
    void linkAddIsSeenAsAnEvent() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_LINK,
                     Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR, Rtnl.RTNLGRP_IPV4_ROUTE,
                     Rtnl.RTNLGRP_IPV6_ROUTE);
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            s.execute(RawLinks.bridge("br-ev"));
            LinkMessage added = null;
            for (int i = 0; i < 50 && added == null; i++) { // a bound, not a timing assertion
                for (NlMessage m : events.poll(Duration.ofMillis(100))) {
                    if (m.type() == Rtnl.RTM_NEWLINK && "br-ev".equals(LinkMessage.decode(m).name())) {
                        added = LinkMessage.decode(m);
                    }
                }
            }
            assertThat(added).as("RTM_NEWLINK br-ev event").isNotNull();
            assertThat(added.kind()).isEqualTo("bridge");
            assertThat(added.index()).isEqualTo(ns.link("br-ev").path("ifindex").asInt());
        }
    }

    @Test
    void closeWakesAPollThatWouldWaitAnHour() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_LINK);
            AtomicReference<List<NlMessage>> got = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    got.set(events.poll(Duration.ofHours(1)));
                } catch (NetlinkException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            Thread.sleep(200); // in poll(2) by now
            events.close();
            // Without the wake-up the poll would return after an hour; 30 s leaves room for a slow (emulated) CPU.
            t.join(30_000);
            assertThat(t.isAlive()).as("the poll returned when the socket was closed").isFalse();
            assertThat(got.get()).isEmpty();
            events.close(); // a second close does nothing
        }
    }

    @Test
    void pollWithNothingQueuedReturnsNoMessages() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_IPV6_ROUTE)) {
            assertThat(events.poll(Duration.ofMillis(10))).isEmpty();
        }
    }

    @Test
    void anOverflowingEventQueueIsReportedAsLostEventsAndTheSocketRecovers() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             // The smallest queue the kernel allows (SOCK_MIN_RCVBUF): a few notifications fill it.
             EventSocket events = EventSocket.subscribeWithQueue(Netns.named(ns.name()), 1, Rtnl.RTNLGRP_LINK);
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            List<NlRequest> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(RawLinks.bridge("b" + i));
            }
            assertThat(s.executeBatch(batch)).allMatch(r -> r.ok());
            assertThatThrownBy(() -> events.poll(Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(EventsLostException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ENOBUFS);
                        assertThat(e.getMessage()).contains("lost events, re-dump");
                    });
            // After the overflow the socket keeps delivering: drain, then see a fresh change.
            events.poll(Duration.ofMillis(10));
            s.execute(RawLinks.bridge("after"));
            boolean seen = false;
            for (int i = 0; i < 50 && !seen; i++) {
                for (NlMessage m : events.poll(Duration.ofMillis(100))) {
                    seen |= m.type() == Rtnl.RTM_NEWLINK && "after".equals(LinkMessage.decode(m).name());
                }
            }
            assertThat(seen).isTrue();
        }
    }

    @Test
    void dumpsInterruptedByConcurrentChangesAreRedoneAndConsistent() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket reader = Kernel.routeSocket(ns);
             NetlinkSocket writer = Kernel.routeSocket(ns)) {
            // Enough links that a dump spans several datagrams, so changes can land between them.
            List<NlRequest> base = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                base.add(RawLinks.bridge("base" + i));
            }
            assertThat(writer.executeBatch(base)).allMatch(r -> r.ok());
            int churnLinks = 60;
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread churn = new Thread(() -> {
                try {
                    for (int i = 0; i < churnLinks; i++) {
                        writer.execute(RawLinks.bridge("churn" + i));
                        Thread.sleep(3); // leave gaps, so that some redone dumps can complete
                    }
                } catch (Throwable t) {
                    writerFailure.set(t);
                }
            }, "churn");
            churn.start();
            int complete = 0;
            int gaveUp = 0;
            try {
                while (churn.isAlive()) {
                    try {
                        Map<String, LinkMessage> links = Kernel.links(reader); // fails on a duplicate name
                        assertThat(links).containsKeys("lo", "base0", "base299");
                        complete++;
                    } catch (NetlinkException e) {
                        // Bounded retries: under continuous changes the socket gives up with EINTR, said plainly.
                        assertThat(e.errno()).isEqualTo(Errno.EINTR);
                        assertThat(e.getMessage()).contains("dump interrupted by concurrent changes");
                        gaveUp++;
                    }
                }
            } finally {
                churn.join();
            }
            assertThat(writerFailure.get()).isNull();
            Assumptions.assumeTrue(reader.interruptedDumps() > 0, "could not provoke NLM_F_DUMP_INTR while "
                    + churnLinks + " links were created (" + complete + " dumps, none interrupted)");
            Map<String, LinkMessage> after = Kernel.links(reader);
            assertThat(after).hasSize(1 + 300 + churnLinks);
            assertThat(complete + gaveUp).isPositive();
        }
    }
}
