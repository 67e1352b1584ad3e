package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.DeviceKinds.spec;

import io.vlinkd.netlink.kind.VrfKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** vrf (full-kernel lane): the table is create-only; vrf has no changelink. */
class VrfKernelTest {

    @Test
    void createsAVrfWhoseTableCannotChangeInPlace() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("vrf-blue", VrfKind.INSTANCE, spec(VrfKind.INSTANCE, null,
                        "table", 10)))
                .probe(ns -> ns.supportsKind("vrf", "table", "4242"),
                        "this kernel has no vrf: runs in the full-kernel lane")
                .expect("table", 10)
                .refused(spec(VrfKind.INSTANCE, null, "table", 11), "EOPNOTSUPP"));
    }
}
