package io.vlinkd.it.kinds;

import io.vlinkd.netlink.kind.BridgeKind;
import io.vlinkd.netlink.kind.BridgeSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BridgeKernelTest {

    /** A bridge spec from config-style options ({@code "forward-delay", 4, ...}), as the config module builds it. */
    static BridgeSpec bridge(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof Integer n ? (Object) (long) n : kv[i + 1]);
        }
        Problems p = new Problems();
        BridgeSpec s = BridgeKind.INSTANCE.fromOptions(OptionValues.of(m),
                new LinkCommon("br0", Optional.empty(), Optional.empty()), p);
        if (!p.isEmpty()) {
            throw new AssertionError(p.all());
        }
        return s;
    }

    @Test
    void createsChangesAndDeletesABridgeWithStp() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("br0", BridgeKind.INSTANCE,
                        bridge("stp", true, "forward-delay", 4, "hello-time", 2, "max-age", 12, "ageing-time", 300,
                                "priority", 4096, "multicast-snooping", false)))
                .expect("stp_state", 1).expect("forward_delay", 400).expect("hello_time", 200)
                .expect("max_age", 1200).expect("ageing_time", 30000).expect("priority", 4096)
                .expect("mcast_snooping", 0)
                .changeInPlace(bridge("stp", false), "stp_state", 0)
                .changeInPlace(bridge("stp", false, "forward-delay", 15, "hello-time", 1, "max-age", 20),
                        "forward_delay", 1500, "hello_time", 100, "max_age", 2000)
                .changeInPlace(bridge("ageing-time", 60, "priority", 0, "multicast-snooping", true),
                        "ageing_time", 6000, "priority", 0, "mcast_snooping", 1));
    }

    @Test
    void createsAnUnconfiguredBridge() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("br0", BridgeKind.INSTANCE, BridgeSpec.unmanaged()))
                .expect("/linkinfo/info_kind", "bridge").expect("stp_state", 0));
    }

    @Test
    void vlanFilteringBridge() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("br0", BridgeKind.INSTANCE,
                        bridge("vlan-filtering", true, "vlan-protocol", "802.1ad", "default-pvid", 10)))
                .probe(ns -> ns.supportsKind("bridge", "vlan_filtering", "1"),
                        "this kernel's bridge has no VLAN filtering: runs in the full-kernel lane")
                .expect("vlan_filtering", 1).expect("vlan_protocol", "802.1ad").expect("vlan_default_pvid", 10)
                .changeInPlace(bridge("vlan-protocol", "802.1q", "default-pvid", 1),
                        "vlan_protocol", "802.1Q", "vlan_default_pvid", 1)
                .changeInPlace(bridge("vlan-filtering", false), "vlan_filtering", 0));
    }
}
