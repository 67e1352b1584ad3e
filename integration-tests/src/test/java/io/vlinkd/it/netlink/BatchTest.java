package io.vlinkd.it.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.socket.BatchResult;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pipelined batches: every acknowledgement is matched to its own request. */
class BatchTest {

    @BeforeAll
    static void needsNamespaces() {
        Kernel.assumeNamespaces();
    }

    @Test
    void oneFailingRequestInTheMiddleReportsOnlyItsOwnError() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            List<NlRequest> batch = List.of(RawLinks.bridge("b0"), RawLinks.bridge("b1"), RawLinks.bridge("b0"),
                    RawLinks.bridge("b2"), RawLinks.bridge("b3"));
            List<BatchResult> results = s.executeBatch(batch);
            assertThat(results).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(results.get(i).request()).isSameAs(batch.get(i));
            }
            assertThat(results).extracting(BatchResult::ok).containsExactly(true, true, false, true, true);
            assertThat(results.get(2).error().errno()).isEqualTo(Errno.EEXIST);
            assertThat(results.get(2).error().getMessage()).startsWith("RTM_NEWLINK b0 (bridge): EEXIST");
            assertThat(Kernel.links(s)).containsOnlyKeys("lo", "b0", "b1", "b2", "b3");
        }
    }

    @Test
    void errorsCarryTheirOwnExtackInABatch() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            Kernel.assumeVxlan(ns);
            s.execute(RawLinks.vxlan("vx0", 42, 4789));
            int vx = Kernel.index(s, "vx0");
            List<BatchResult> results = s.executeBatch(List.of(RawLinks.bridge("b0"),
                    RawLinks.changeVxlanId(vx, "vx0", 7), RawLinks.setMtu(vx, "vx0", 1400),
                    RawLinks.bridge("b0")));
            assertThat(results.get(0).ok()).isTrue();
            assertThat(results.get(1).error().kernelMessage()).isEqualTo("Cannot change VNI");
            assertThat(results.get(1).error().errno()).isEqualTo(Errno.EOPNOTSUPP);
            assertThat(results.get(2).ok()).isTrue();
            assertThat(results.get(3).error().errno()).isEqualTo(Errno.EEXIST);
            assertThat(results.get(3).error().kernelMessage()).isNull();
            assertThat(ns.link("vx0").path("mtu").asInt()).isEqualTo(1400);
        }
    }

    @Test
    void aBatchLargerThanOneDatagramIsAcknowledgedCompletely() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            // 400 requests of ~330 bytes (a 200-character alias each) do not fit one 128 KiB datagram. (The kernel
            // ignores IFLA_IFALIAS on create, as `ip link add b alias x type bridge` shows: it only pads here.)
            int n = 400;
            String alias = "x".repeat(200);
            List<NlRequest> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(RawLinks.bridge("b" + i, alias));
            }
            batch.set(n / 2, RawLinks.bridge("b0"));
            List<BatchResult> results = s.executeBatch(batch);
            assertThat(results).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(results.get(i).ok()).as("request %d", i).isEqualTo(i != n / 2);
            }
            assertThat(Kernel.links(s)).hasSize(n); // n - 1 bridges and lo
            assertThat(Kernel.names(ns.links())).hasSize(n);
            assertThat(ns.link("b399")).isNotNull();
        }
    }

    @Test
    void anEmptyBatchSendsNothing() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE)) {
            assertThat(s.executeBatch(List.of())).isEmpty();
        }
    }
}
