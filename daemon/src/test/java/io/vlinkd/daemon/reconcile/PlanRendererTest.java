package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.vxlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.link.AdminState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRendererTest {

    private final Plan plan = new Planner().plan(config()
            .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24")
            .link(vxlan("vx42", 42, "ttl", 64).withMaster("br0"))
            .route("198.51.100.0/24", "192.0.2.254", "br0")
            .build(), new FakeKernel(TestKind::byName).observe(), Ownership.none());

    @Test
    void rendersEachStepAsTheEquivalentIpCommandWithItsConfigLocation() {
        assertThat(PlanRenderer.ipCommands(plan)).containsExactly(
                "ip link add br0 up type bridge  # /etc/vlinkd/test.yaml:1:5",
                "ip addr add 192.0.2.1/24 dev br0 proto 247  # /etc/vlinkd/test.yaml:1:5",
                "ip link add vx42 master br0 type vxlan id 42 ttl 64  # /etc/vlinkd/test.yaml:2:5",
                "ip route add 198.51.100.0/24 via 192.0.2.254 dev br0 proto 247  # /etc/vlinkd/test.yaml:3:5");
    }

    @Test
    void annotatesEveryAttributeOfTheRequestByName() {
        List<String> blocks = PlanRenderer.netlink(plan);
        String vx = blocks.get(2);
        assertThat(vx).startsWith("# vx42: create vxlan (ip link add vx42 master br0 type vxlan id 42 ttl 64)");
        assertThat(vx).contains("RTM_NEWLINK flags=REQUEST|ACK|EXCL|CREATE")
                .contains("nlmsghdr").contains("ifinfomsg")
                .contains("IFLA_MASTER").contains("IFLA_IFNAME")
                .contains("IFLA_LINKINFO (nest of").contains("IFLA_LINKINFO/IFLA_INFO_KIND")
                .contains("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID")
                .contains("08 00 01 00 2a 00 00 00"); // IFLA_VXLAN_ID = 42
        assertThat(blocks.get(3)).contains("RTM_NEWROUTE").contains("rtmsg").contains("RTA_GATEWAY")
                .contains("c0 00 02 fe");
    }
}
