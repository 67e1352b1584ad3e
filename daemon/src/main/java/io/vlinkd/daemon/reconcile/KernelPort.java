package io.vlinkd.daemon.reconcile;

import java.util.List;

/**
 * The reconciler's only way to the kernel (STYLE.md, "Pure core, thin edges"): observe everything, and execute a
 * wave of independent writes ({@link Write}), with one result per write. {@link NetlinkKernelPort} talks
 * rtnetlink; the in-memory kernel of the unit tests ({@code FakeKernel}, in the daemon's test sources and test-jar)
 * is the other implementation; one contract suite runs against both.
 */
public interface KernelPort {

    /** Dumps links, addresses and routes. */
    ObservedState observe() throws KernelException;

    /**
     * Executes the writes of one wave (they do not depend on each other), in order, and returns one result per
     * write, in order: consecutive rtnetlink requests are sent pipelined, as one batch; a generic netlink operation
     * runs on its own. A refused write does not stop the others of the wave; a KernelException means the port
     * itself is unusable.
     */
    List<WriteResult> execute(List<Write> wave) throws KernelException;

    /** An open fd of {@code /run/netns/NAME} for IFLA_NET_NS_FD (veth peers in another namespace). */
    int netnsFd(String netns) throws KernelException;
}
