package io.vlinkd.daemon.reconcile;

import org.junit.jupiter.api.BeforeEach;

/** The kernel contract against the in-memory fake. */
class FakeKernelContractTest extends KernelPortContract {
    private FakeKernel kernel;

    @BeforeEach
    void freshKernel() {
        kernel = new FakeKernel(TestKind::byName);
    }

    @Override
    protected KernelPort port() {
        return kernel;
    }
}
