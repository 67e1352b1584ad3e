package io.vlinkd.it.reconcile;

import io.vlinkd.daemon.reconcile.KernelException;
import io.vlinkd.daemon.reconcile.KernelPort;
import io.vlinkd.daemon.reconcile.KernelPortContract;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.TestKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kernel contract the reconciler relies on, against this machine's kernel in a fresh namespace per test: the
 * same tests {@code FakeKernelContractTest} runs against the fake.
 */
class NetlinkKernelPortContractTest extends KernelPortContract {
    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private NetlinkKernelPort port;

    @BeforeEach
    void freshNamespace() throws KernelException {
        kernel.freshNamespace();
        kernel.assumeBridgeVethAndVxlan();
        port = kernel.open(TestKind::byName);
    }

    @Override
    protected KernelPort port() {
        return port;
    }
}
