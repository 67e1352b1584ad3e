package io.vlinkd.it.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.BridgeKind;
import io.vlinkd.netlink.kind.BridgeSpec;
import io.vlinkd.netlink.kind.VethKind;
import io.vlinkd.netlink.kind.VethSpec;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.socket.NetnsFd;
import io.vlinkd.netlink.wire.Netlink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Create, dump, change and delete bridges, veths and vxlans through the socket; `ip -j -d` is the oracle. Bridges and
 * veths go through LinkRequests and the kind classes; vxlan requests are written directly (RawLinks): the refused VNI
 * change must be sent as is, which VxlanKind never does (id is re-create only), and VxlanKind's own encoding is
 * covered by its kernel test (io.vlinkd.it.kinds.VxlanKernelTest).
 */
class LinkLifecycleTest {

    @BeforeAll
    static void needsNamespaces() {
        Kernel.assumeNamespaces();
    }

    @Test
    void bridgeIsCreatedDumpedChangedAndDeleted() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            LinkSpec br0 = LinkSpec.of("br0", BridgeKind.INSTANCE, BridgeSpec.unmanaged());
            s.execute(LinkRequests.create(br0, Kernel.context(s, new ArrayList<>())));
            JsonNode ip = ns.link("br0");
            assertThat(ip.path("linkinfo").path("info_kind").asText()).isEqualTo("bridge");

            LinkMessage ours = Kernel.links(s).get("br0");
            assertThat(ours.kind()).isEqualTo("bridge");
            assertThat(ours.index()).isEqualTo(ip.path("ifindex").asInt());
            assertThat(ours.mtu()).isEqualTo(ip.path("mtu").asInt());
            assertThat(ours.address().toString()).isEqualTo(ip.path("address").asText());
            assertThat(ours.isUp()).isFalse();

            // ip link set dev br0 mtu 1280 type bridge stp_state 1; ip link set dev br0 up
            BridgeSpec stp = new BridgeSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            s.execute(LinkRequests.change(ours.index(), LinkSpec.of("br0", BridgeKind.INSTANCE, stp).withMtu(1280),
                    Kernel.context(s, new ArrayList<>())));
            s.execute(LinkRequests.setState(ours.index(), "br0", AdminState.UP));
            ip = ns.link("br0");
            assertThat(ip.path("flags").toString()).contains("\"UP\"");
            assertThat(ip.path("mtu").asInt()).isEqualTo(1280);
            assertThat(ip.path("linkinfo").path("info_data").path("stp_state").asInt()).isEqualTo(1);
            LinkMessage changed = Kernel.links(s).get("br0");
            assertThat(changed.isUp()).isTrue();
            assertThat(changed.mtu()).isEqualTo(1280);
            assertThat(BridgeKind.INSTANCE.decode(changed.infoData(), i -> Optional.empty()).stp()).contains(true);

            s.execute(LinkRequests.delete(ours.index(), "br0"));
            assertThat(ns.link("br0")).isNull();
            assertThat(Kernel.links(s)).containsOnlyKeys("lo");
        }
    }

    @Test
    void vethPeerIsCreatedInAnotherNamespaceThroughItsFd() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             TestNamespace other = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            List<NetnsFd> opened = new ArrayList<>();
            try {
                LinkSpec v0 = LinkSpec.of("v0", VethKind.INSTANCE,
                        VethSpec.of("v1", Optional.empty(), Optional.of(other.name())));
                s.execute(LinkRequests.create(v0, Kernel.context(s, opened)));
            } finally {
                opened.forEach(NetnsFd::close); // kept open until the request was sent
            }
            assertThat(opened).hasSize(1);
            assertThat(ns.link("v0").path("linkinfo").path("info_kind").asText()).isEqualTo("veth");
            assertThat(ns.link("v1")).isNull();
            assertThat(other.link("v1").path("linkinfo").path("info_kind").asText()).isEqualTo("veth");

            LinkMessage v0 = Kernel.links(s).get("v0");
            assertThat(v0.kind()).isEqualTo("veth");
            assertThat(v0.linkNetnsId()).isNotNull(); // its peer lives in another namespace

            s.execute(RawLinks.bridge("br0"));
            int br = Kernel.index(s, "br0");
            s.execute(LinkRequests.setMaster(v0.index(), "v0", br));
            assertThat(ns.link("v0").path("master").asText()).isEqualTo("br0");
            assertThat(Kernel.links(s).get("v0").master()).isEqualTo(br);
            s.execute(LinkRequests.setMaster(v0.index(), "v0", 0));
            assertThat(ns.link("v0").has("master")).isFalse();

            s.execute(LinkRequests.deleteByName("v0"));
            assertThat(ns.link("v0")).isNull();
            assertThat(other.link("v1")).isNull(); // deleting one end removes the pair
        }
    }

    @Test
    void vxlanIsCreatedAndItsVniChangeIsRefusedWithTheKernelsReasonAndAttribute() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            Kernel.assumeVxlan(ns);
            try (NetlinkSocket s = Kernel.routeSocket(ns)) {
                s.execute(RawLinks.vxlan("vx0", 42, 4789));
                JsonNode data = ns.link("vx0").path("linkinfo").path("info_data");
                assertThat(data.path("id").asInt()).isEqualTo(42);
                assertThat(data.path("port").asInt()).isEqualTo(4789);
                LinkMessage vx = Kernel.links(s).get("vx0");
                assertThat(vx.kind()).isEqualTo("vxlan");
                assertThat(vx.infoData().integer(RawLinks.IFLA_VXLAN_ID, -1)).isEqualTo(42);
                assertThat(vx.infoData().integer(RawLinks.IFLA_VXLAN_PORT, -1)).isEqualTo(4789);

                assertThatThrownBy(() -> s.execute(RawLinks.changeVxlanId(vx.index(), "vx0", 99)))
                        .isInstanceOfSatisfying(NetlinkException.class, e -> {
                            assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
                            assertThat(e.kernelMessage()).isEqualTo("Cannot change VNI");
                            // Kernel 6.18 sends the text without NLMSGERR_ATTR_OFFS here (strace of iproute2 shows
                            // the same ack), so there is no attribute path to resolve; see the policy test below.
                            assertThat(e.attributePath()).isNull();
                            assertThat(e.getMessage()).isEqualTo("RTM_NEWLINK vx0 (vxlan, change): EOPNOTSUPP:"
                                    + " Cannot change VNI");
                        });
                assertThat(ns.link("vx0").path("linkinfo").path("info_data").path("id").asInt()).isEqualTo(42);

                s.execute(LinkRequests.delete(vx.index(), "vx0"));
                assertThat(ns.link("vx0")).isNull();
            }
        }
    }

    @Test
    void aPolicyViolationIsNamedByItsAttributePathFromTheExtackOffset() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            Kernel.assumeVxlan(ns);
            try (NetlinkSocket s = Kernel.routeSocket(ns)) {
                assertThatThrownBy(() -> s.execute(RawLinks.vxlan("vx0", 1 << 24, 4789)))
                        .isInstanceOfSatisfying(NetlinkException.class, e -> {
                            assertThat(e.errno()).isEqualTo(Errno.ERANGE);
                            assertThat(e.attributePath()).isEqualTo("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID");
                            // vxlan_validate(): NL_SET_ERR_MSG_ATTR(extack, data[IFLA_VXLAN_ID], ...)
                            assertThat(e.kernelMessage()).contains("VXLAN ID");
                            assertThat(e.getMessage()).startsWith("RTM_NEWLINK vx0 (vxlan): ERANGE: ")
                                    .endsWith(" [IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID]");
                        });
                assertThat(ns.link("vx0")).isNull();
            }
        }
    }

    @Test
    void creatingAnExistingLinkIsEexistWithoutKernelText() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            s.execute(RawLinks.bridge("br0"));
            assertThatThrownBy(() -> s.execute(RawLinks.bridge("br0")))
                    .isInstanceOfSatisfying(NetlinkException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EEXIST);
                        assertThat(e.getMessage()).startsWith("RTM_NEWLINK br0 (bridge): EEXIST");
                    });
        }
    }

    @Test
    void queryByNameReturnsTheLinkAndAMissingOneIsEnodev() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = Kernel.routeSocket(ns)) {
            s.execute(RawLinks.bridge("br0"));
            List<io.vlinkd.netlink.wire.NlMessage> replies = s.query(LinkRequests.get("br0"));
            assertThat(replies).hasSize(1);
            assertThat(LinkMessage.decode(replies.get(0)).index()).isEqualTo(ns.link("br0").path("ifindex").asInt());
            assertThatThrownBy(() -> s.query(LinkRequests.get("nothere")))
                    .isInstanceOfSatisfying(NetlinkException.class,
                            e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
            // The socket still works after a refusal: no stale reply is taken for the next answer.
            assertThat(s.query(LinkRequests.get("lo"))).hasSize(1);
        }
    }

    @Test
    void socketsSeeOnlyTheirOwnNamespace() throws Exception {
        try (TestNamespace a = TestNamespace.create(); TestNamespace b = TestNamespace.create();
             NetlinkSocket sa = Kernel.routeSocket(a);
             NetlinkSocket sb = Kernel.routeSocket(b)) {
            sa.execute(RawLinks.bridge("only-a"));
            Map<String, LinkMessage> inB = Kernel.links(sb);
            assertThat(inB).containsOnlyKeys("lo");
            assertThat(Kernel.links(sa)).containsOnlyKeys("lo", "only-a");
        }
    }

    @Test
    void openingInAMissingNamespaceNamesThePathAndErrno() {
        assertThatThrownBy(() -> NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named("vlt-no-such-ns")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                    assertThat(e.getMessage()).contains("/run/netns/vlt-no-such-ns");
                });
    }

    @Test
    void socketOfAProcessNamespaceSeesThatNamespace() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            ns.ip("link", "add", "br-pid", "type", "bridge");
            Process sleeper = new ProcessBuilder("ip", "netns", "exec", ns.name(), "sleep", "30").start();
            // ip netns exec enters the namespace, then replaces itself with sleep: same pid throughout.
            long pid = sleeper.pid();
            Netns byPid = Netns.ofPid((int) pid);
            Map<String, LinkMessage> seen = Map.of();
            for (int i = 0; i < 100 && !seen.containsKey("br-pid"); i++) {
                try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, byPid)) {
                    seen = Kernel.links(s);
                }
                if (!seen.containsKey("br-pid")) {
                    Thread.sleep(20); // the child has not entered the namespace yet
                }
            }
            sleeper.destroy();
            assertThat(seen).containsOnlyKeys("lo", "br-pid");
        }
    }
}
