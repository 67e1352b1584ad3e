package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.genl.GenlFamily;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;

/**
 * What a {@link PostCreateConfiguration} needs of an open NETLINK_GENERIC socket: a family's id (resolved through
 * the genl controller, CTRL_CMD_GETFAMILY) and a request answered with messages. The socket layer implements it
 * over its NetlinkSocket ({@link #of}); unit tests use a fake.
 */
public interface GenericNetlink {

    /** The id of generic netlink family {@code name}; ENOENT when this kernel has no such family. */
    int familyId(String name) throws NetlinkException;

    /**
     * Sends {@code request} (NLM_F_ACK is added) and returns the messages that answer it, without the
     * acknowledgement or NLMSG_DONE; the kernel's refusal is thrown.
     */
    List<NlMessage> query(NlRequest request) throws NetlinkException;

    /** Over an open NETLINK_GENERIC socket: families resolved with {@link GenlFamily#resolve}. */
    static GenericNetlink of(NetlinkSocket socket) {
        return new GenericNetlink() {
            @Override
            public int familyId(String name) throws NetlinkException {
                return GenlFamily.resolve(socket, name).id();
            }

            @Override
            public List<NlMessage> query(NlRequest request) throws NetlinkException {
                return socket.query(request);
            }
        };
    }
}
