package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code nexthops:} and the routes that use them ({@code nexthop-id:}, {@code multipath:}) on the real kernel
 * (issue 16), with packets: examples/ecmp.yaml spreads 200 UDP flows (distinct source ports, L4 hash) over two far
 * namespaces by the weights, 1:3 through the group and 3:1 through the multipath route, counted as packets received
 * on each far end. Every nexthop (groups, a resilient group, a blackhole, IPv6) and route reads back from the kernel's
 * dump as written (a second apply changes nothing); a member deleted by hand is added again and put back in its
 * group; removing them all leaves someone else's nexthop and the route through it exactly as before.
 */
class NexthopKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();

    /** examples/ecmp.yaml. */
    private static String example() throws java.io.IOException {
        return Files.readString(Path.of("../examples/ecmp.yaml"));
    }

    /** The example with more nexthops and routes: IPv6 ones, a resilient group, a blackhole. */
    private static String more() throws java.io.IOException {
        return example().replace("    addresses: [10.0.1.1/24]", "    addresses: [10.0.1.1/24, \"2001:db8:1::1/64\"]")
                .replace("    addresses: [10.0.2.1/24]", "    addresses: [10.0.2.1/24, \"2001:db8:2::1/64\"]")
                .replace("routes:\n", """
                  - { id: 5, via: "2001:db8:1::2", dev: ua }
                  - { id: 6, via: "2001:db8:2::2", dev: ub, onlink: true }
                  - { id: 11, group: [ { id: 5, weight: 2 }, { id: 6, weight: 256 } ] }
                  - { id: 12, group: [ { id: 1 }, { id: 2 } ], type: resilient, buckets: 32, idle-timer: 60 }
                  - { id: 13, blackhole: true }
                  - { id: 14, dev: ua }
                routes:
                  - { to: "2001:db8:99::/64", nexthop-id: 11 }
                  - { to: 192.0.2.0/24, nexthop-id: 12, metric: 10 }
                  - { to: 198.18.0.0/16, nexthop-id: 13 }
                  - to: "2001:db8:98::/64"
                    multipath:
                      - { via: "2001:db8:1::2", dev: ua, weight: 1 }
                      - { via: "2001:db8:2::2", dev: ub, weight: 2 }
                """);
    }

    /** Packets {@code h0} of {@code ns} has received. */
    private static long received(TestNamespace ns) {
        return ns.json("-s", "link", "show", "h0").get(0).path("stats64").path("rx").path("packets").asLong();
    }

    /** Sends one UDP datagram to {@code to} port 9 from each of 200 source ports: 200 flows. */
    private static long[] spread(TestNamespace ns, TestNamespace a, TestNamespace b, String to) throws Exception {
        long a0 = received(a);
        long b0 = received(b);
        int rc = ns.execStatus("python3", "-c", "import socket\n"
                + "for p in range(30000, 30200):\n"
                + "    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                + "    s.bind(('', p))\n"
                + "    s.sendto(b'x', ('" + to + "', 9))\n"
                + "    s.close()\n");
        assertThat(rc).as("python3 sent the datagrams").isZero();
        Thread.sleep(300);
        return new long[] {received(a) - a0, received(b) - b0};
    }

    /** Every nexthop that is not vlinkd's, and every route through one, as {@code ip -j} prints them. */
    private static List<String> others(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : ns.json("nexthop", "show")) {
            if (!"247".equals(n.path("protocol").asText())) {
                out.add("nexthop " + n);
            }
        }
        for (JsonNode r : ns.json("route", "show", "table", "all")) {
            if (r.has("nhid") && !"247".equals(r.path("protocol").asText())) {
                out.add("route " + r);
            }
        }
        return out;
    }

    @Test
    void ecmpTrafficFollowsTheWeightsAndOnlyVlinkdsNexthopsChange() throws Exception {
        TestNamespace ns = fixture.freshNamespace();
        try (TestNamespace a = TestNamespace.create(); TestNamespace b = TestNamespace.create()) {
            ns.ip("link", "add", "ua", "type", "veth", "peer", "name", "h0", "netns", a.name());
            ns.ip("link", "add", "ub", "type", "veth", "peer", "name", "h0", "netns", b.name());
            for (String l : List.of("lo", "ua", "ub")) {
                ns.ip("link", "set", l, "up");
            }
            a.ip("addr", "add", "10.0.1.2/24", "dev", "h0");
            a.ip("addr", "add", "2001:db8:1::2/64", "dev", "h0", "nodad");
            a.ip("link", "set", "h0", "up");
            b.ip("addr", "add", "10.0.2.2/24", "dev", "h0");
            b.ip("addr", "add", "2001:db8:2::2/64", "dev", "h0", "nodad");
            b.ip("link", "set", "h0", "up");
            // The L4 hash: flows that differ only in their source port spread over the paths.
            assertThat(ns.execStatus("sysctl", "-qw", "net.ipv4.fib_multipath_hash_policy=1")).isZero();

            Reconciler reconciler = fixture.reconciler(fixture.open());
            ApplyResult shipped = reconciler.apply(fixture.config(example()));
            assertThat(shipped.errors()).isEmpty();
            List<String> commands = shipped.kept().stream().map(Step::ipCommand)
                    .filter(c -> c.contains("nexthop") || c.contains("route")).toList();
            // The members (in either order), then their group, then the routes (in either order).
            assertThat(commands.subList(0, 2)).containsExactlyInAnyOrder(
                    "ip nexthop add id 1 via 10.0.1.2 dev ua proto 247",
                    "ip nexthop add id 2 via 10.0.2.2 dev ub proto 247");
            assertThat(commands.get(2)).isEqualTo("ip nexthop add id 10 group 1/2,3 proto 247");
            assertThat(commands.subList(3, commands.size())).containsExactlyInAnyOrder(
                    "ip route add 198.51.100.0/24 nhid 10 proto 247",
                    "ip route add 203.0.113.0/24 nexthop via 10.0.1.2 dev ua weight 3 nexthop via 10.0.2.2 dev ub "
                            + "weight 1 proto 247");
            assertThat(ns.ip("route", "show", "198.51.100.0/24")).contains("nhid 10", "proto 247");
            assertThat(ns.execStatus("ping", "-c", "1", "-W", "2", "10.0.1.2")).isZero();
            assertThat(ns.execStatus("ping", "-c", "1", "-W", "2", "10.0.2.2")).isZero();

            long[] group = spread(ns, a, b, "198.51.100.1");
            assertThat(group[0] + group[1]).as("every flow left through ua or ub").isBetween(200L, 215L);
            assertThat(group[0]).as("group 1/2,3: a quarter through ua (weight 1)").isBetween(25L, 80L);
            assertThat(group[1]).as("three quarters through ub (weight 3)").isBetween(120L, 180L);
            long[] multipath = spread(ns, a, b, "203.0.113.1");
            assertThat(multipath[0]).as("multipath: three quarters through ua (weight 3)").isBetween(120L, 180L);
            assertThat(multipath[1]).as("a quarter through ub (weight 1)").isBetween(25L, 80L);

            ns.ip("nexthop", "add", "id", "99", "via", "10.0.1.2", "dev", "ua", "proto", "static");
            ns.ip("route", "add", "192.0.2.128/25", "nhid", "99", "proto", "static");
            List<String> others = others(ns);

            ApplyResult r = reconciler.apply(fixture.config(more()));
            assertThat(r.errors()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(ns.ip("nexthop", "show", "id", "12")).contains("type resilient", "buckets 32",
                    "idle_timer 60");
            assertThat(ns.ip("-6", "route", "show", "2001:db8:98::/64")).contains("weight 2");
            assertThat(reconciler.apply(fixture.config(more())).outcome())
                    .as("every nexthop and route reads back as configured").isEqualTo(ApplyResult.Outcome.UNCHANGED);
            assertThat(Files.readString(fixture.store().file())).contains("\nnexthop 1\n", "\nnexthop 10\n",
                    "\nnexthop 12\n");

            // The kernel takes a deleted member out of its groups: it is added and the group put back as it was.
            ns.ip("nexthop", "del", "id", "1");
            assertThat(ns.ip("nexthop", "show", "id", "10")).doesNotContain("id 1,");
            ApplyResult repaired = reconciler.apply(fixture.config(more()));
            assertThat(repaired.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                    "ip nexthop add id 1 via 10.0.1.2 dev ua proto 247",
                    "ip nexthop replace id 10 group 1/2,3 proto 247",
                    "ip nexthop replace id 12 group 1/2 type resilient buckets 32 idle_timer 60 proto 247");
            long[] again = spread(ns, a, b, "198.51.100.1");
            assertThat(again[0]).as("the group's quarter through ua again").isBetween(25L, 80L);

            ApplyResult gone = reconciler.apply(fixture.config(example().substring(0,
                    example().indexOf("nexthops:"))));
            assertThat(gone.errors()).isEmpty();
            assertThat(ns.json("nexthop", "show")).extracting(n -> n.path("id").asInt()).containsExactly(99);
            assertThat(others(ns)).as("someone else's nexthop and route through it").isEqualTo(others);
            assertThat(Files.readString(fixture.store().file())).doesNotContain("\nnexthop ");
        }
    }
}
