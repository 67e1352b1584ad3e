package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.DeviceKinds.onVeth;
import static io.vlinkd.it.kinds.DeviceKinds.spec;

import io.vlinkd.netlink.kind.IpvlanKind;
import io.vlinkd.netlink.kind.IpvtapKind;
import org.junit.jupiter.api.Test;

/** ipvlan and ipvtap on a veth parent (full-kernel lane: this machine's kernel has neither). */
class IpvlanKernelTest {
    private static final IpvlanKind IPVLAN = IpvlanKind.INSTANCE;

    @Test
    void modeChangesInPlace() throws Exception {
        KindHarness.run(onVeth("ipv0", IPVLAN, spec(IPVLAN, "p0", "mode", "l3", "flags", "private"))
                .expect("mode", "l3").expect("private", true).expect("/link", "p0")
                .changeInPlace(spec(IPVLAN, "p0", "mode", "l2", "flags", "private"), "mode", "l2")
                .changeInPlace(spec(IPVLAN, "p0", "mode", "l3s", "flags", "private"), "mode", "l3s"));
    }

    /** ip prints the flag as its own key (private/vepa/bridge), so one flags change per case can be checked. */
    @Test
    void flagsChangeInPlace() throws Exception {
        KindHarness.run(onVeth("ipv0", IPVLAN, spec(IPVLAN, "p0", "mode", "l2"))
                .expect("mode", "l2")
                .changeInPlace(spec(IPVLAN, "p0", "mode", "l2", "flags", "vepa"), "vepa", true));
    }

    @Test
    void bridgeIsTheDefaultFlag() throws Exception {
        KindHarness.run(onVeth("ipv0", IPVLAN, spec(IPVLAN, "p0", "mode", "l2"))
                .expect("mode", "l2").expect("bridge", true));
    }

    @Test
    void ipvtapCreatesChangesAndDeletes() throws Exception {
        KindHarness.run(onVeth("ipvt0", IpvtapKind.INSTANCE,
                        spec(IpvtapKind.INSTANCE, "p0", "mode", "l2", "flags", "bridge"))
                .expect("/linkinfo/info_kind", "ipvtap").expect("mode", "l2").expect("bridge", true)
                .changeInPlace(spec(IpvtapKind.INSTANCE, "p0", "mode", "l3", "flags", "bridge"), "mode", "l3"));
    }
}
