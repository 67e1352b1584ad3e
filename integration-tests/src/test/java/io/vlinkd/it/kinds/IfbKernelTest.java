package io.vlinkd.it.kinds;

import io.vlinkd.netlink.kind.OptionlessKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** ifb (this machine's kernel has it): no options, create and delete. */
class IfbKernelTest {

    @Test
    void createsAndDeletesAnIfb() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("ifb0", OptionlessKind.IFB, OptionlessKind.NONE))
                .expect("/linkinfo/info_kind", "ifb").expect("/link_type", "ether"));
    }
}
