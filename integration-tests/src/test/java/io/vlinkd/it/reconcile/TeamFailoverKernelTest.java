package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.TeamFailover;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.kind.team.TeamConfigurator;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.Netlink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An activebackup team fails over with packets (full-kernel lane: this machine's kernel has no team). Namespace A:
 * team0 in activebackup over veth ports a1 and a2, applied by the reconciler; their peers b1 and b2 are moved into
 * namespace B under a bridge with the address pinged. vlinkd's {@link TeamFailover} runs on A. Taking b1 down takes
 * a1's carrier: activeport moves to a2 and the ping keeps answering; b1's return does not move it back.
 *
 * <p>The team and its ports share one MAC: the activebackup mode leaves port addresses alone (teamd's default
 * hwaddr_policy same_all copies the team's onto them), and a frame for the team arriving on a port with another MAC
 * is PACKET_OTHERHOST, which IP and ARP drop.
 */
class TeamFailoverKernelTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:5e:10:00:01");
    /** Generous for qemu TCG, where the guest runs about a hundred times slower than hardware. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private TestNamespace b;
    private TeamFailover failover;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (failover != null) {
            failover.stop();
            thread.join(5000);
        }
        if (b != null) {
            b.close();
        }
    }

    private static DesiredLink port(String name, String peer, SourceLocation where) {
        return new DesiredLink(LinkSpec.of(name, LinkKinds.byName("veth").orElseThrow(),
                KernelFixture.spec("veth", name, Map.of("peer", peer))).withMaster("team0").withMac(MAC), List.of(),
                false, where);
    }

    @Test
    void pingAcrossAnActivebackupTeamSurvivesTheActivePortsCarrierLoss() throws Exception {
        TestNamespace a = kernel.freshNamespace();
        Assumptions.assumeTrue(a.supportsKind("team"), "this kernel has no team: runs in the full-kernel lane");
        assertThat(a.execStatus("ping", "-c", "1", "-W", "1", "127.0.0.1"))
                .as("ping (iputils-ping, installed by scripts/install-deps) runs in the namespace").isZero();
        withoutIpv6(a);
        NetlinkKernelPort port = kernel.open();
        SourceLocation where = new SourceLocation(Path.of("/etc/vlinkd/10-team.yaml"), 1, 3);
        DesiredState d = new DesiredState(List.of(
                new DesiredLink(LinkSpec.of("team0", TeamKind.INSTANCE,
                        new TeamKind.TeamSpec(Optional.of("activebackup"))).withState(AdminState.UP).withMac(MAC),
                        List.of(), false, where),
                port("a1", "b1", where), port("a2", "b2", where)),
                List.of(), List.of(), DaemonSettings.defaults(), List.of());
        ApplyResult applied = kernel.reconciler(port).apply(d);
        assertThat(applied.errors()).isEmpty();
        a.ip("addr", "add", "192.0.2.1/24", "dev", "team0");

        b = TestNamespace.create();
        withoutIpv6(b);
        for (String peer : List.of("b1", "b2")) {
            a.ip("link", "set", peer, "netns", b.name());
        }
        b.ip("link", "add", "br0", "type", "bridge");
        b.ip("link", "set", "b1", "master", "br0");
        b.ip("link", "set", "b2", "master", "br0");
        b.ip("addr", "add", "192.0.2.2/24", "dev", "br0");
        for (String l : List.of("br0", "b1", "b2")) {
            b.ip("link", "set", l, "up");
        }
        int team0 = a.link("team0").get("ifindex").asInt();
        int a1 = a.link("a1").get("ifindex").asInt();
        int a2 = a.link("a2").get("ifindex").asInt();

        try (NetlinkSocket genl = NetlinkSocket.open(Netlink.NETLINK_GENERIC, Netns.named(a.name()))) {
            TeamConfigurator team = new TeamConfigurator(GenericNetlink.of(genl));
            assertThat(team.activePort(team0, "team0")).as("the kernel chooses no active port").hasValue(0);
            assertThat(pingWithin(a, Duration.ofSeconds(2))).as("without an active port the team drops every frame")
                    .isFalse();

            failover = TeamFailover.open(Netns.named(a.name()), () -> d);
            thread = new Thread(failover, "team-failover");
            thread.start();

            awaitActivePort(team, team0, a1, "the first configured port with carrier");
            assertThat(pingWithin(a, WITHIN)).as("ping through a1").isTrue();

            b.ip("link", "set", "b1", "down"); // a1 loses carrier
            long t0 = System.nanoTime();
            assertThat(pingWithin(a, WITHIN)).as("ping after a1 lost carrier").isTrue();
            System.out.printf("team failover: ping answered %d ms after b1 went down%n",
                    (System.nanoTime() - t0) / 1_000_000);
            assertThat(team.activePort(team0, "team0")).as("activeport names a2").hasValue(a2);

            b.ip("link", "set", "b1", "up"); // a1 has carrier again: no flap back
            Thread.sleep(1000);
            assertThat(team.activePort(team0, "team0")).hasValue(a2);
            assertThat(pingWithin(a, WITHIN)).isTrue();

            b.ip("link", "set", "b2", "down");
            assertThat(pingWithin(a, WITHIN)).as("ping after a2 lost carrier").isTrue();
            assertThat(team.activePort(team0, "team0")).hasValue(a1);
            assertThat(failover.switches()).isEqualTo(3);
        }
    }

    /**
     * IPv6 off in a namespace before its links exist: the inactive port would otherwise send its own DAD and router
     * solicitations with the team's MAC, teaching B's bridge that MAC on the wrong port now and then.
     */
    private static void withoutIpv6(TestNamespace ns) {
        for (String conf : List.of("all", "default")) {
            assertThat(ns.execStatus("sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/" + conf + "/disable_ipv6"))
                    .as("disable IPv6 (%s) in %s", conf, ns.name()).isZero();
        }
    }

    private static void awaitActivePort(TeamConfigurator team, int teamIndex, int port, String what)
            throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        OptionalInt now = team.activePort(teamIndex, "team0");
        while (!now.equals(OptionalInt.of(port)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = team.activePort(teamIndex, "team0");
        }
        assertThat(now).as(what).hasValue(port);
    }

    /** Pings 192.0.2.2 from {@code ns} once a second until one answers or {@code limit} has passed. */
    private static boolean pingWithin(TestNamespace ns, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (ns.execStatus("ping", "-c", "1", "-W", "1", "192.0.2.2") == 0) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
