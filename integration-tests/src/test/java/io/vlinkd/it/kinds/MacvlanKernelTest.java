package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.DeviceKinds.onVeth;
import static io.vlinkd.it.kinds.DeviceKinds.spec;

import io.vlinkd.netlink.kind.MacvlanKind;
import io.vlinkd.netlink.kind.MacvtapKind;
import io.vlinkd.netlink.wire.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** macvlan and macvtap on a veth parent (this machine's kernel has both). */
class MacvlanKernelTest {
    private static final MacvlanKind MACVLAN = MacvlanKind.INSTANCE;
    private static final MacAddress M55 = MacAddress.parse("02:11:22:33:44:55");
    private static final MacAddress M66 = MacAddress.parse("02:11:22:33:44:66");
    private static final MacAddress M77 = MacAddress.parse("02:11:22:33:44:77");

    @Test
    void bridgeModeChangesInPlaceToVepaPrivateAndSource() throws Exception {
        KindHarness.run(onVeth("mv0", MACVLAN, spec(MACVLAN, "p0", "mode", "bridge"))
                .expect("mode", "bridge").expect("/link", "p0")
                .changeInPlace(spec(MACVLAN, "p0", "mode", "vepa"), "mode", "vepa")
                .changeInPlace(spec(MACVLAN, "p0", "mode", "private", "bcqueuelen", 500), "mode", "private",
                        "bcqueuelen", 500)
                .changeInPlace(spec(MACVLAN, "p0", "mode", "source", "flags", List.of("nodst")), "mode", "source",
                        "nodst", true)
                // A passthru macvlan needs the parent to itself, and changelink refuses passthru transitions.
                .refused(spec(MACVLAN, "p0", "mode", "passthru"), "EINVAL"));
    }

    @Test
    void sourceModeKeepsItsMacListAndReplacesItInPlace() throws Exception {
        KindHarness.run(onVeth("mv0", MACVLAN, spec(MACVLAN, "p0", "mode", "source", "source-macs", List.of(M55, M66)))
                .expect("mode", "source").expect("macaddr_count", 2)
                .changeInPlace(spec(MACVLAN, "p0", "mode", "source", "source-macs", List.of(M77)),
                        "macaddr_count", 1, "/linkinfo/info_data/macaddr_data/0", M77));
    }

    @Test
    void anEmptySourceListIsManagedToo() throws Exception {
        KindHarness.run(onVeth("mv0", MACVLAN, spec(MACVLAN, "p0", "mode", "source", "source-macs", List.of()))
                .expect("mode", "source").expect("macaddr_count", 0)
                .changeInPlace(spec(MACVLAN, "p0", "mode", "source", "source-macs", List.of(M55)),
                        "macaddr_count", 1));
    }

    @Test
    void passthruTakesNopromiscInPlaceButCannotLeavePassthru() throws Exception {
        KindHarness.run(onVeth("mv0", MACVLAN, spec(MACVLAN, "p0", "mode", "passthru", "flags", List.of()))
                .expect("mode", "passthru")
                .changeInPlace(spec(MACVLAN, "p0", "mode", "passthru", "flags", List.of("nopromisc")),
                        "nopromisc", true)
                .refused(spec(MACVLAN, "p0", "mode", "bridge"), "EINVAL"));
    }

    @Test
    void passthruCreatedWithNopromisc() throws Exception {
        KindHarness.run(onVeth("mv0", MACVLAN, spec(MACVLAN, "p0", "mode", "passthru", "flags", List.of("nopromisc")))
                .expect("mode", "passthru").expect("nopromisc", true));
    }

    @Test
    void macvtapCreatesChangesAndDeletes() throws Exception {
        KindHarness.run(onVeth("mvt0", MacvtapKind.INSTANCE, spec(MacvtapKind.INSTANCE, "p0", "mode", "vepa"))
                .expect("/linkinfo/info_kind", "macvtap").expect("mode", "vepa")
                .changeInPlace(spec(MacvtapKind.INSTANCE, "p0", "mode", "bridge"), "mode", "bridge")
                .refused(spec(MacvtapKind.INSTANCE, "p0", "mode", "passthru"), "EINVAL"));
    }
}
