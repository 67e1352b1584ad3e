package io.vlinkd.it.reconcile;

import io.vlinkd.daemon.reconcile.KernelException;
import io.vlinkd.daemon.reconcile.KernelPort;
import io.vlinkd.daemon.reconcile.KernelPortContract;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.TestKind;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.socket.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The kernel contract the reconciler relies on, against this machine's kernel in a fresh namespace per test: the
 * same tests {@code FakeKernelContractTest} runs against the fake.
 */
class NetlinkKernelPortContractTest extends KernelPortContract {
    private TestNamespace ns;
    private NetlinkKernelPort port;

    @BeforeEach
    void freshNamespace() throws KernelException {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns: runs in the namespace lane");
        ns = TestNamespace.create();
        Assumptions.assumeTrue(ns.supportsKind("vxlan", "id", "1", "dstport", "4789") && ns.supportsKind("veth", "peer", "name", "vlt-probe1") && ns.supportsKind("bridge"),
                "this kernel lacks bridge, veth or vxlan");
        port = NetlinkKernelPort.open(Netns.named(ns.name()), TestKind::byName);
    }

    @AfterEach
    void removeNamespace() {
        if (port != null) {
            port.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Override
    protected KernelPort port() {
        return port;
    }
}
