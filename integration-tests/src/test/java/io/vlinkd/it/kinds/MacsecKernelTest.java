package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.MacsecKind;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * macsec on a real kernel, on a veth parent (FACTS.md: a dummy parent gives EBUSY). Keys and SAs are out of scope,
 * so the device is created, changed and deleted without carrying traffic.
 */
class MacsecKernelTest {
    private static final MacsecKind K = MacsecKind.INSTANCE;
    private static final Optional<String> P0 = Optional.of("p0");
    private static final Object[] BASE = {"port", 11, "cipher", "gcm-aes-256", "icvlen", 16, "encrypt", true,
            "protect", true, "replay-protect", true, "window", 32, "validate", "strict"};

    /** `ip link add probe type macsec` needs a parent, so the usual probe would always say no. */
    private static boolean hasMacsec(TestNamespace ns) {
        boolean ok = ns.ipStatus("link", "add", "link", "p0", "name", "vlt-probe0", "type", "macsec") == 0;
        if (ok) {
            ns.ipStatus("link", "del", "vlt-probe0");
        }
        return ok;
    }

    @Test
    void createsChangesAndDeletesAMacsecDevice() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("m0", K, spec(K, P0, BASE)).withLink("p0"))
                .setup("link add p0 type veth peer name p1")
                .probe(MacsecKernelTest::hasMacsec, "this kernel has no macsec: runs in the full-kernel lane")
                .expect("/link", "p0").expect("cipher_suite", "GCM-AES-256").expect("icv_len", 16)
                .expect("encrypt", true).expect("protect", true).expect("replay_protect", true)
                .expect("window", 32).expect("validation", "strict")
                .changeInPlace(spec(K, P0, with(BASE, "encrypt", false, "validate", "check")), "encrypt", false,
                        "validation", "check")
                .changeInPlace(spec(K, P0, with(BASE, "encrypt", false, "validate", "check", "window", 64,
                        "protect", false)), "window", 64, "protect", false)
                .refused(spec(K, P0, with(BASE, "port", 12)), "EINVAL")
                .refused(spec(K, P0, with(BASE, "cipher", "gcm-aes-128")), "EINVAL"));
    }
}
