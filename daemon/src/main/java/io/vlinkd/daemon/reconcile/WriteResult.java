package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.wire.NlRequest;

/** What became of one write request: {@code error} is null when the kernel acknowledged it. */
public record WriteResult(NlRequest request, NetlinkException error) {

    public static WriteResult ok(NlRequest request) {
        return new WriteResult(request, null);
    }

    public boolean succeeded() {
        return error == null;
    }
}
