package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.Vti6Kind;
import io.vlinkd.netlink.kind.tunnel.VtiKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** vti and vti6 on a real kernel; changes pass whole specs (see {@link IpipKernelTest}). */
class VtiKernelTest {

    @Test
    void createsChangesAndDeletesAVti() throws Exception {
        VtiKind k = VtiKind.INSTANCE;
        Object[] base = {"local", ip("192.0.2.1"), "remote", ip("198.51.100.1"), "dev", "p0", "ikey", 10,
                "okey", 20};
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", k, spec(k, base))), "vti", false)
                .setup("link add p0 type veth peer name p1")
                .expect("local", "192.0.2.1").expect("remote", "198.51.100.1").expect("link", "p0")
                .expect("ikey", "0.0.0.10").expect("okey", "0.0.0.20")
                .changeInPlace(spec(k, with(base, "okey", 21, "local", ip("192.0.2.2"))), "okey", "0.0.0.21",
                        "local", "192.0.2.2"));
    }

    @Test
    void aMultipointVtiCannotGainARemoteInPlace() throws Exception {
        VtiKind k = VtiKind.INSTANCE;
        Object[] multipoint = {"local", ip("192.0.2.1"), "key", 3};
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", k, spec(k, multipoint))), "vti", false)
                .expect("remote", "any")
                .refused(spec(k, with(multipoint, "remote", ip("198.51.100.1"))), "EINVAL"));
    }

    @Test
    void createsChangesAndDeletesAVti6() throws Exception {
        VtiKind k = Vti6Kind.INSTANCE;
        Object[] base = {"local", ip("2001:db8::1"), "remote", ip("2001:db8::2"), "key", 5};
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", k, spec(k, base))), "vti6", true)
                .expect("local", "2001:db8::1").expect("remote", "2001:db8::2")
                .expect("ikey", "0.0.0.5").expect("okey", "0.0.0.5")
                .changeInPlace(spec(k, with(base, "remote", ip("2001:db8::3"))), "remote", "2001:db8::3"));
    }
}
