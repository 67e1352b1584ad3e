package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a port to count the write requests that reach it and to inject a refusal at the k-th write (the request
 * is then not sent at all, as if the kernel had refused it): the fault injection works the same on the fake and on
 * a real namespace.
 */
public final class CountingPort implements KernelPort {
    private final KernelPort inner;
    private int writes;
    private int failAt = -1;

    public CountingPort(KernelPort inner) {
        this.inner = inner;
    }

    public int writes() {
        return writes;
    }

    /** Refuses the {@code n}-th write from now (1-based) with EBUSY. */
    public void failWrite(int n) {
        failAt = writes + n;
    }

    @Override
    public ObservedState observe() throws KernelException {
        return inner.observe();
    }

    @Override
    public List<WriteResult> apply(List<NlRequest> wave) throws KernelException {
        int first = writes + 1;
        writes += wave.size();
        if (failAt < first || failAt > writes) {
            return inner.apply(wave);
        }
        int at = failAt - first;
        failAt = -1;
        List<NlRequest> sent = new ArrayList<>(wave);
        sent.remove(at);
        List<WriteResult> results = new ArrayList<>(sent.isEmpty() ? List.of() : inner.apply(sent));
        results.add(at, new WriteResult(wave.get(at), new NetlinkException(wave.get(at).summary(), 16, "injected",
                null, null)));
        return results;
    }

    /** Passes through; a configuration that sends something counts as one write (not subject to failWrite). */
    @Override
    public List<String> configure(LinkKind<?> kind, int ifindex, String name, KindSpec desired)
            throws KernelException, NetlinkException {
        List<String> changed = inner.configure(kind, ifindex, name, desired);
        if (!changed.isEmpty()) {
            writes++;
        }
        return changed;
    }

    @Override
    public int netnsFd(String netns) throws KernelException {
        return inner.netnsFd(netns);
    }
}
