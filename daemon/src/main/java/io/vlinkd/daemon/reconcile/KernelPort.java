package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;

/**
 * The reconciler's only way to the kernel (STYLE.md, "Pure core, thin edges"): observe everything, and apply a
 * wave of independent write requests, pipelined, with one result per request. {@link NetlinkKernelPort} talks
 * rtnetlink; the in-memory kernel of the unit tests ({@code FakeKernel}, in the daemon's test sources and test-jar)
 * is the other implementation; one contract suite runs against both.
 */
public interface KernelPort {

    /** Dumps links, addresses and routes. */
    ObservedState observe() throws KernelException;

    /**
     * Sends the requests of one wave (they do not depend on each other) and returns one result per request, in
     * order. A refused request does not stop the others of the wave.
     */
    List<WriteResult> apply(List<NlRequest> wave) throws KernelException;

    /**
     * Applies the generic-netlink options of {@code desired} to link {@code name} ({@code kind} implements
     * {@link PostCreateConfiguration}); returns what changed, empty when nothing was sent. The kernel's refusal is
     * thrown as a NetlinkException (the step fails); a KernelException means the port itself is unusable.
     */
    List<String> configure(LinkKind<?> kind, int ifindex, String name, KindSpec desired)
            throws KernelException, NetlinkException;

    /** An open fd of {@code /run/netns/NAME} for IFLA_NET_NS_FD (veth peers in another namespace). */
    int netnsFd(String netns) throws KernelException;
}
