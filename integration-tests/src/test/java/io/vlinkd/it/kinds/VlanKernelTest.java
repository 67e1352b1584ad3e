package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.ConfigSpecs.spec;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.VlanKind;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VlanKernelTest {
    private static final VlanKind K = VlanKind.INSTANCE;
    private static final LinkCommon ON_P0 = new LinkCommon("p0.100", Optional.of("p0"), Optional.empty());

    /** A vlan needs a parent even to probe: {@code ip link add link p0 name vlt-probe0 type vlan id 1}. */
    static boolean hasVlan(TestNamespace ns) {
        boolean ok = ns.ipStatus("link", "add", "link", "p0", "name", "vlt-probe0", "type", "vlan", "id", "1") == 0;
        if (ok) {
            ns.ip("link", "del", "vlt-probe0");
        }
        return ok;
    }

    @Test
    void dot1qVlanWithFlagsAndQosMaps() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("p0.100", K, spec(K, ON_P0, "id", 100, "protocol", "802.1q",
                        "gvrp", true, "loose-binding", true, "ingress-qos-map", Map.of(1, 2),
                        "egress-qos-map", Map.of(5, 6))).withLink("p0"))
                .setup("link add p0 type veth peer name p1")
                .probe(VlanKernelTest::hasVlan, "this kernel has no vlan (8021q): runs in the full-kernel lane")
                .expect("id", 100).expect("protocol", "802.1Q").expect("/link", "p0")
                .changeInPlace(spec(K, ON_P0, "id", 100, "gvrp", false, "reorder-hdr", false, "mvrp", true))
                .changeInPlace(spec(K, ON_P0, "id", 100, "egress-qos-map", Map.of(5, 0, 6, 7),
                        "ingress-qos-map", Map.of(1, 3)))
                .ignored(spec(K, ON_P0, "id", 101))
                .ignored(spec(K, ON_P0, "id", 100, "protocol", "802.1ad")));
    }

    @Test
    void dot1adVlan() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("p0.200", K, spec(K, ON_P0, "id", 200, "protocol", "802.1ad"))
                        .withLink("p0"))
                .setup("link add p0 type veth peer name p1")
                .probe(VlanKernelTest::hasVlan, "this kernel has no vlan (8021q): runs in the full-kernel lane")
                .expect("id", 200).expect("protocol", "802.1ad"));
    }
}
