package io.vlinkd.netlink.socket;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * The kernel's answer to one request of a pipelined batch ({@link NetlinkSocket#executeBatch}).
 *
 * @param request the request, as given
 * @param error   the kernel's refusal of this request, or null when it was acknowledged
 */
public record BatchResult(NlRequest request, NetlinkException error) {

    public boolean ok() {
        return error == null;
    }
}
