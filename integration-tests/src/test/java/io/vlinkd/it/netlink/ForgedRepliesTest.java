package io.vlinkd.it.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the kernel answers requests: another process of the namespace can unicast to our port id, and what it sends
 * must never be taken for an answer. A Python netlink socket forges "success" acknowledgements for the sequence
 * numbers we are about to use.
 */
class ForgedRepliesTest {

    @BeforeAll
    static void needsNamespacesAndPython() throws Exception {
        Kernel.assumeNamespaces();
        Process p = new ProcessBuilder("python3", "-c", "import socket; socket.AF_NETLINK").start();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                "needs python3 to forge netlink messages from another process");
    }

    /** Sends {@code count} NLMSG_ERROR "success" acks (seq 1..count) to {@code port} from a Python process. */
    private static void forgeAcks(TestNamespace ns, int port, int count) throws Exception {
        String script = String.join("\n",
                "import socket, struct",
                "s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)",
                "s.bind((0, 0))",
                "for seq in range(1, " + (count + 1) + "):",
                "    ack = struct.pack('=IHHIIi', 36, 2, 0x100, seq, " + port + ", 0)",
                "    ack += struct.pack('=IHHII', 16, 16, 5, seq, 0)",
                "    s.sendto(ack, (" + port + ", 0))",
                "    done = struct.pack('=IHHIIi', 20, 3, 2, seq, " + port + ", 0)",
                "    s.sendto(done, (" + port + ", 0))");
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "python3", "-c", script)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void forgedAcknowledgementsFromAnotherProcessAreNotTakenForTheKernelsAnswer() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            s.execute(RawLinks.bridge("br0"));
            forgeAcks(ns, s.portId(), 40); // queued before the kernel's answers to our next requests
            assertThatThrownBy(() -> s.execute(RawLinks.bridge("br0")))
                    .isInstanceOfSatisfying(NetlinkException.class,
                            e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
            // A dump is not ended early by a forged NLMSG_DONE either.
            forgeAcks(ns, s.portId(), 40);
            Map<String, LinkMessage> links = Kernel.links(s);
            assertThat(links).containsOnlyKeys("lo", "br0");
        }
    }

    @Test
    void returnedMessagesOwnTheirBytesAcrossLaterReceives() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            s.execute(RawLinks.bridge("first"));
            List<NlMessage> before = s.dump(io.vlinkd.netlink.link.LinkRequests.dump());
            s.execute(io.vlinkd.netlink.link.LinkRequests.deleteByName("first"));
            for (int i = 0; i < 20; i++) {
                s.execute(RawLinks.bridge("other" + i)); // reuse the receive buffer many times
            }
            s.dump(io.vlinkd.netlink.link.LinkRequests.dump());
            assertThat(before).extracting(m -> {
                try {
                    return LinkMessage.decode(m).name();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).filteredOn(n -> !TestNamespace.isKernelFallbackDevice(n)).containsExactlyInAnyOrder("lo", "first");
        }
    }
}
