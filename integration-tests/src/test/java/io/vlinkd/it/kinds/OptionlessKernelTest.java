package io.vlinkd.it.kinds;

import io.vlinkd.netlink.kind.OptionlessKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** dummy, nlmon and vcan: no options, create and delete (full-kernel lane: this machine's kernel has none). */
class OptionlessKernelTest {

    @Test
    void createsAndDeletesADummy() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("dummy0", OptionlessKind.DUMMY, OptionlessKind.NONE))
                .expect("/linkinfo/info_kind", "dummy").expect("/link_type", "ether"));
    }

    @Test
    void createsAndDeletesAnNlmon() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("nlmon0", OptionlessKind.NLMON, OptionlessKind.NONE))
                .expect("/linkinfo/info_kind", "nlmon").expect("/link_type", "netlink"));
    }

    @Test
    void createsAndDeletesAVcan() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("vcan0", OptionlessKind.VCAN, OptionlessKind.NONE))
                .expect("/linkinfo/info_kind", "vcan").expect("/link_type", "can"));
    }
}
