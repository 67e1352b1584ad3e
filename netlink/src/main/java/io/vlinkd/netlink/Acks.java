package io.vlinkd.netlink;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.Optional;

/**
 * Reads an {@code NLMSG_ERROR} reply (an acknowledgement when its error is 0) and turns a failure into a
 * {@link NetlinkException} that names the request, the errno, the kernel's extack text, and the attribute the
 * extack offset points at.
 */
public final class Acks {
    private Acks() {
    }

    private static final int MAX_ERRNO = 4095;

    /** The (negative or zero) error code of an NLMSG_ERROR message. */
    public static int errorCode(NlMessage m) throws MalformedMessageException {
        return m.u32(0);
    }

    /**
     * Null when {@code m} acknowledges success, else the exception describing the failure of {@code request}.
     * With NETLINK_CAP_ACK the kernel echoes only the request's header, so the TLVs start 4 + 16 bytes in;
     * without it (NLM_F_CAPPED clear) the whole request is echoed first.
     */
    public static NetlinkException failure(NlMessage m, NlRequest request) throws MalformedMessageException {
        int error = errorCode(m);
        if (error == 0) {
            return null;
        }
        if (error > 0 || error < -MAX_ERRNO) {
            // The kernel sends a negative errno (include/linux/err.h: MAX_ERRNO 4095) or 0, nothing else.
            throw new MalformedMessageException("NLMSG_ERROR with error code " + error + ", not a negative errno");
        }
        String kernelMessage = null;
        String path = null;
        String missing = null;
        if (m.hasFlag(Netlink.NLM_F_ACK_TLVS)) {
            int echoedLength = m.hasFlag(Netlink.NLM_F_CAPPED) ? Netlink.NLMSG_HDRLEN : m.u32(4);
            int tlvStart = 4 + Netlink.align(echoedLength);
            if (tlvStart <= m.payloadLength()) {
                Attrs tlv = Attrs.parse(m.buf(), m.payloadOffset() + tlvStart, m.payloadLength() - tlvStart);
                kernelMessage = tlv.string(Netlink.NLMSGERR_ATTR_MSG).orElse(null);
                Optional<Long> offset = tlv.integer(Netlink.NLMSGERR_ATTR_OFFS);
                if (offset.isPresent() && request != null) {
                    path = request.attributePathAt((int) (long) offset.get());
                }
                Optional<Long> miss = tlv.integer(Netlink.NLMSGERR_ATTR_MISS_TYPE);
                if (miss.isPresent()) {
                    missing = "attribute " + miss.get();
                }
            }
        }
        return new NetlinkException(request != null ? request.summary() : "request", -error, kernelMessage, path,
                missing);
    }
}
