package io.vlinkd.netlink.socket;

import io.vlinkd.netlink.Acks;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request socket for one netlink protocol ({@code NETLINK_ROUTE}, {@code NETLINK_GENERIC}) in one network
 * namespace. Every request gets a fresh sequence number and {@code NLM_F_ACK}; only replies from the kernel (sender
 * port 0) that carry that sequence number count as its answer, anything else is skipped.
 *
 * <p>Options set on open: {@code NETLINK_EXT_ACK} (the kernel's error text and offending attribute),
 * {@code NETLINK_CAP_ACK} (errors echo only the request's header), {@code NETLINK_GET_STRICT_CHK} (dump filters are
 * honoured and checked), a receive timeout, and large send/receive buffers so that a pipelined batch's
 * acknowledgements and a dump's datagrams are not dropped.
 *
 * <p>Thread-safe: calls are serialised. Returned messages own their bytes (copied out of the receive buffer).
 */
public final class NetlinkSocket implements AutoCloseable {
    /** The receive timeout unless one is given: a netlink request is answered in milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** A dump is redone this many times at most while the kernel flags it interrupted by concurrent changes. */
    static final int MAX_DUMP_ATTEMPTS = 8;
    /**
     * Asked-for socket buffers. The kernel doubles the value; SO_RCVBUF is capped at net.core.rmem_max unless
     * SO_RCVBUFFORCE is allowed.
     */
    private static final int WANTED_RCVBUF = 1 << 20;
    private static final int WANTED_SNDBUF = 1 << 20;
    /**
     * Receive buffer: a dump datagram is at most 32 KiB (the kernel caps its dump skb there); a single reply can be
     * larger (a link with many VFs), so leave room. A longer datagram is reported as truncated, never cut silently.
     */
    private static final int RECEIVE_BUFFER = 256 * 1024;
    /** Largest datagram a batch coalesces requests into. */
    private static final int MAX_DATAGRAM = 128 * 1024;
    /**
     * Conservative bytes of receive queue one acknowledgement costs (its skb's truesize). Bounding the requests in
     * flight by rcvbuf / this keeps the kernel from dropping acknowledgements (netlink_unicast drops and flags
     * ENOBUFS when the queue is full; it never blocks for the kernel's replies).
     */
    private static final int ACK_COST = 2048;
    private static final int EPROTO = 71;

    private final NetlinkFd fd;
    private final int protocol;
    private final Netns netns;
    private final int maxInFlight;
    private final int maxDatagram;
    private final ByteBuffer receiveBuffer;
    private ByteBuffer sendBuffer;
    private int nextSeq = 1;
    private long interruptedDumps;

    private NetlinkSocket(NetlinkFd fd, int protocol, Netns netns, int maxInFlight, int maxDatagram) {
        this.fd = fd;
        this.protocol = protocol;
        this.netns = netns;
        this.maxInFlight = maxInFlight;
        this.maxDatagram = maxDatagram;
        this.receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
        this.sendBuffer = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    }

    /** A socket in the calling process's network namespace. */
    public static NetlinkSocket open(int protocol) throws NetlinkException {
        return open(protocol, Netns.current(), DEFAULT_TIMEOUT);
    }

    /** A socket in {@code netns} (created there by a short-lived thread; it stays there). */
    public static NetlinkSocket open(int protocol, Netns netns) throws NetlinkException {
        return open(protocol, netns, DEFAULT_TIMEOUT);
    }

    /** As {@link #open(int, Netns)}, waiting at most {@code timeout} for any one reply datagram. */
    public static NetlinkSocket open(int protocol, Netns netns, Duration timeout) throws NetlinkException {
        NetlinkFd fd = NetlinkFd.open(protocol, netns);
        try {
            fd.setInt(Netlink.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            fd.setInt(Netlink.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
            fd.setInt(Netlink.SOL_NETLINK, Netlink.NETLINK_GET_STRICT_CHK, 1, "NETLINK_GET_STRICT_CHK");
            fd.receiveTimeout(timeout);
            int rcvbuf = fd.receiveBuffer(WANTED_RCVBUF);
            int sndbuf = fd.sendBuffer(WANTED_SNDBUF);
            int inFlight = Math.max(8, Math.min(4096, rcvbuf / ACK_COST));
            // netlink_sendmsg refuses a datagram longer than sk_sndbuf - 32.
            int datagram = Math.max(4096, Math.min(MAX_DATAGRAM, sndbuf - 64));
            return new NetlinkSocket(fd, protocol, netns, inFlight, datagram);
        } catch (NetlinkException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    public int protocol() {
        return protocol;
    }

    public Netns netns() {
        return netns;
    }

    /** The port id the kernel gave this socket. */
    public int portId() {
        return fd.portId();
    }

    /** Sends {@code request} and waits for its acknowledgement; the kernel's refusal is thrown. */
    public synchronized void execute(NlRequest request) throws NetlinkException {
        int seq = allocateSeqs(1);
        sendOne(request, seq, Netlink.NLM_F_ACK);
        while (true) {
            for (NlMessage m : receive(request.summary())) {
                if (m.seq() != seq) {
                    continue; // a stale answer to an earlier request that timed out
                }
                if (m.type() == Netlink.NLMSG_ERROR) {
                    NetlinkException failure = failureOf(m, request);
                    if (failure != null) {
                        throw failure;
                    }
                    return;
                }
            }
        }
    }

    /**
     * Sends a request that is answered with messages ({@code RTM_GETLINK} by name, genl {@code CTRL_CMD_GETFAMILY})
     * and returns them; a request flagged {@code NLM_F_DUMP} is run as {@link #dump}.
     */
    public synchronized List<NlMessage> query(NlRequest request) throws NetlinkException {
        if ((request.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP) {
            return dump(request);
        }
        int seq = allocateSeqs(1);
        sendOne(request, seq, Netlink.NLM_F_ACK);
        List<NlMessage> replies = new ArrayList<>();
        while (true) {
            for (NlMessage m : receive(request.summary())) {
                if (m.seq() != seq || m.type() == Netlink.NLMSG_NOOP) {
                    continue;
                }
                if (m.type() == Netlink.NLMSG_ERROR) {
                    NetlinkException failure = failureOf(m, request);
                    if (failure != null) {
                        throw failure;
                    }
                    return replies; // the acknowledgement follows the replies
                }
                if (m.type() == Netlink.NLMSG_DONE) {
                    checkDone(m, request);
                    return replies;
                }
                replies.add(m);
            }
        }
    }

    /**
     * Runs a dump ({@code NLM_F_DUMP} is added) and returns every message up to {@code NLMSG_DONE}. When the
     * kernel flags the dump {@code NLM_F_DUMP_INTR} (the table changed while it was walked, so the result may be
     * inconsistent), the whole dump is redone, up to {@value #MAX_DUMP_ATTEMPTS} times.
     */
    public synchronized List<NlMessage> dump(NlRequest request) throws NetlinkException {
        for (int attempt = 1; attempt <= MAX_DUMP_ATTEMPTS; attempt++) {
            int seq = allocateSeqs(1);
            sendOne(request, seq, Netlink.NLM_F_DUMP);
            List<NlMessage> messages = new ArrayList<>();
            boolean interrupted = false;
            boolean done = false;
            while (!done) {
                for (NlMessage m : receive(request.summary())) {
                    if (m.seq() != seq || m.type() == Netlink.NLMSG_NOOP) {
                        continue;
                    }
                    interrupted |= m.hasFlag(Netlink.NLM_F_DUMP_INTR);
                    if (m.type() == Netlink.NLMSG_DONE) {
                        checkDone(m, request);
                        done = true;
                    } else if (m.type() == Netlink.NLMSG_ERROR) {
                        NetlinkException failure = failureOf(m, request);
                        if (failure != null) {
                            throw failure;
                        }
                        done = true;
                    } else {
                        messages.add(m);
                    }
                }
            }
            if (!interrupted) {
                return messages;
            }
            interruptedDumps++;
        }
        throw new NetlinkException(request.summary(), Errno.EINTR, "dump interrupted by concurrent changes "
                + MAX_DUMP_ATTEMPTS + " times in a row", null, null);
    }

    /**
     * Sends every request without waiting for each acknowledgement, coalescing as many as fit into one datagram
     * (the kernel's netlink_rcv_skb handles the messages of a datagram one after another and acknowledges each,
     * also after a failure, so one refused request does not stop the rest), then matches the acknowledgements to the
     * requests by sequence number. Returns one result per request, in order. Requests in flight are bounded by the
     * receive buffer so no acknowledgement is dropped.
     *
     * @throws NetlinkException when the socket itself fails (send refused, no answer in time, acknowledgements
     *                          lost): then it is unknown which requests took effect, and the message says how far
     *                          the batch got
     */
    public synchronized List<BatchResult> executeBatch(List<NlRequest> requests) throws NetlinkException {
        NetlinkException[] errors = new NetlinkException[requests.size()];
        int start = 0;
        while (start < requests.size()) {
            int end = start;
            int bytes = 0;
            while (end < requests.size() && end - start < maxInFlight) {
                int len = Netlink.align(requests.get(end).bytes().length);
                if (end > start && bytes + len > maxDatagram) {
                    break;
                }
                bytes += len;
                end++;
            }
            int count = end - start;
            int baseSeq = allocateSeqs(count);
            ensureSendCapacity(bytes);
            int at = 0;
            for (int i = start; i < end; i++) {
                at = place(requests.get(i), baseSeq + (i - start), Netlink.NLM_F_ACK, at);
            }
            int errno = fd.send(sendBuffer, at);
            if (errno != 0) {
                throw new NetlinkException("batch of " + requests.size() + " requests (" + start
                        + " done; sending " + requests.get(start).summary() + " and " + (count - 1) + " more)",
                        errno, null, null, null);
            }
            boolean[] answered = new boolean[count];
            int missing = count;
            while (missing > 0) {
                String context = "batch of " + requests.size() + " requests (" + (start + count - missing)
                        + " answered)";
                for (NlMessage m : receive(context)) {
                    int index = m.seq() - baseSeq;
                    if (m.type() != Netlink.NLMSG_ERROR || index < 0 || index >= count || answered[index]) {
                        continue;
                    }
                    answered[index] = true;
                    missing--;
                    errors[start + index] = failureOf(m, requests.get(start + index));
                }
            }
            start = end;
        }
        List<BatchResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            results.add(new BatchResult(requests.get(i), errors[i]));
        }
        return results;
    }

    /** How many dumps this socket has redone because the kernel flagged them NLM_F_DUMP_INTR. */
    public synchronized long interruptedDumps() {
        return interruptedDumps;
    }

    /** How many requests one batch datagram carries at most (from the receive buffer the kernel granted). */
    public int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public synchronized void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return fd.describe();
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /** Reserves {@code count} consecutive sequence numbers; 0 is never used (events and kernel notices carry it). */
    private int allocateSeqs(int count) {
        if (nextSeq <= 0 || nextSeq + count < nextSeq) {
            nextSeq = 1;
        }
        int first = nextSeq;
        nextSeq += count;
        return first;
    }

    private void sendOne(NlRequest request, int seq, int addFlags) throws NetlinkException {
        ensureSendCapacity(Netlink.align(request.bytes().length));
        int length = place(request, seq, addFlags, 0);
        int errno = fd.send(sendBuffer, length);
        if (errno != 0) {
            throw new NetlinkException(request.summary() + " (sendto)", errno, null, null, null);
        }
    }

    /** Copies a request into the send buffer at {@code at} with its sequence number; returns the next offset. */
    private int place(NlRequest request, int seq, int addFlags, int at) {
        byte[] b = request.bytes();
        if (b.length < Netlink.NLMSG_HDRLEN) {
            throw new IllegalArgumentException(request.summary() + ": a request needs at least a netlink header");
        }
        sendBuffer.put(at, b);
        sendBuffer.putShort(at + 6, (short) (request.flags() | addFlags | Netlink.NLM_F_REQUEST));
        sendBuffer.putInt(at + 8, seq);
        int next = Netlink.align(at + b.length);
        for (int i = at + b.length; i < next; i++) {
            sendBuffer.put(i, (byte) 0);
        }
        return next;
    }

    private void ensureSendCapacity(int bytes) {
        if (sendBuffer.capacity() < bytes) {
            sendBuffer = ByteBuffer.allocateDirect(Math.max(bytes, sendBuffer.capacity() * 2))
                    .order(ByteOrder.nativeOrder());
        }
    }

    /**
     * Receives one datagram and splits it into messages that own a copy of its bytes. Datagrams not sent by the
     * kernel (sender port id other than 0) yield nothing.
     */
    private List<NlMessage> receive(String context) throws NetlinkException {
        long n = fd.receive(receiveBuffer, 0);
        if (n < 0) {
            int errno = (int) -n;
            if (errno == Errno.EAGAIN) {
                throw new NetlinkException(context, Errno.ETIMEDOUT, "no answer from the kernel within the receive"
                        + " timeout", null, null);
            }
            if (errno == Errno.ENOBUFS) {
                throw new NetlinkException(context, errno, "receive queue overflowed; kernel answers were dropped",
                        null, null);
            }
            throw new NetlinkException(context + " (recvfrom)", errno, null, null, null);
        }
        if (n > receiveBuffer.capacity()) {
            throw new NetlinkException(context, Errno.EMSGSIZE, "a reply of " + n + " bytes did not fit the "
                    + receiveBuffer.capacity() + "-byte receive buffer and was truncated", null, null);
        }
        if (fd.lastSenderPort() != 0) {
            return List.of(); // another process sent us this; only the kernel answers requests
        }
        byte[] data = new byte[(int) n];
        receiveBuffer.get(0, data);
        try {
            return NlMessage.parseAll(data, 0, data.length);
        } catch (MalformedMessageException e) {
            throw new NetlinkException(context, EPROTO, "malformed reply from the kernel: " + e.getMessage(),
                    null, null);
        }
    }

    private static NetlinkException failureOf(NlMessage m, NlRequest request) throws NetlinkException {
        try {
            return Acks.failure(m, request);
        } catch (MalformedMessageException e) {
            throw new NetlinkException(request.summary(), EPROTO, "malformed acknowledgement: " + e.getMessage(),
                    null, null);
        }
    }

    /**
     * NLMSG_DONE carries an int error; a failed dump reports it there, with extack TLVs right after it when
     * NLM_F_ACK_TLVS is set.
     */
    private static void checkDone(NlMessage m, NlRequest request) throws NetlinkException {
        try {
            if (m.payloadLength() < 4) {
                return;
            }
            int error = m.u32(0);
            if (error == 0) {
                return;
            }
            String text = null;
            if (m.hasFlag(Netlink.NLM_F_ACK_TLVS) && m.payloadLength() > 4) {
                Attrs tlv = Attrs.parse(m.buf(), m.payloadOffset() + 4, m.payloadLength() - 4);
                text = tlv.string(Netlink.NLMSGERR_ATTR_MSG).orElse(null);
            }
            throw new NetlinkException(request.summary(), -error, text, null, null);
        } catch (MalformedMessageException e) {
            throw new NetlinkException(request.summary(), EPROTO, "malformed NLMSG_DONE: " + e.getMessage(), null,
                    null);
        }
    }
}
