package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
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

    /**
     * Counts each rtnetlink request, and each generic netlink operation that changed something; only a request is
     * subject to failWrite.
     */
    @Override
    public List<WriteResult> execute(List<Write> wave) throws KernelException {
        int at = -1;
        for (int i = 0; i < wave.size(); i++) {
            if (wave.get(i) instanceof Write.RtnlRequest && ++writes == failAt) {
                at = i;
                failAt = -1;
            }
        }
        List<Write> sent = new ArrayList<>(wave);
        if (at >= 0) {
            sent.remove(at);
        }
        List<WriteResult> results = new ArrayList<>(sent.isEmpty() ? List.of() : inner.execute(sent));
        writes += (int) results.stream().filter(r -> !r.changed().isEmpty()).count();
        if (at >= 0) {
            Write refused = wave.get(at);
            results.add(at, WriteResult.refused(refused, new NetlinkException(refused.summary(), 16, "injected",
                    null, null)));
        }
        return results;
    }

    @Override
    public int netnsFd(String netns) throws KernelException {
        return inner.netnsFd(netns);
    }
}
