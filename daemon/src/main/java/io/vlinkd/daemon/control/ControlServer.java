package io.vlinkd.daemon.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket: a Unix stream socket ({@code /run/vlinkd/control.sock}), one request line per connection,
 * a reply of {@link ReplyLine}s.
 *
 * <p>One thread ({@code vlinkd-control}) owns every connection's I/O, without blocking: it accepts, reads request
 * lines and writes replies. Only a complete request takes a worker thread ({@link Limits#workers} of them; a
 * {@code reload} waits for the daemon's loop there). So a client that connects and says nothing costs a file
 * descriptor, not a thread, and {@code vlinkctl status} is answered while others sit idle. Bounds: at most
 * {@link Limits#maxConnections} open at once (at the limit, the connection idle longest is closed to make room, or,
 * when every one is being served, the new one is refused with a reply line); a request line must arrive within
 * {@link Limits#requestTimeout} and be at most {@link #MAX_REQUEST} bytes; a reply must be taken within
 * {@link Limits#replyTimeout}.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");
    /** A request line is short; a peer sending more is not a vlinkctl. */
    static final int MAX_REQUEST = 4096;
    /** How long a refused client that is still sending is read (and ignored) before its connection is closed. */
    static final Duration DISCARD_TIME = Duration.ofSeconds(1);

    /**
     * How much the socket serves at once.
     *
     * @param maxConnections connections open at once, idle or being served
     * @param requestTimeout from connecting to the end of the request line
     * @param replyTimeout   for the client to read the whole reply once it is ready
     * @param workers        requests handled at once (they mostly wait for the daemon's loop, one at a time)
     */
    record Limits(int maxConnections, Duration requestTimeout, Duration replyTimeout, int workers) {
        static final Limits DEFAULT = new Limits(32, Duration.ofSeconds(5), Duration.ofSeconds(30), 4);
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final PeerCheck peers;
    private final ControlHandler handler;
    private final Limits limits;
    private final ExecutorService workers;
    /** Replies made by workers, for the I/O thread to start writing. */
    private final Queue<Runnable> replies = new ConcurrentLinkedQueue<>();
    private final Set<Connection> open = new LinkedHashSet<>();
    private final Thread io;
    private volatile boolean closing;

    /** One client: its request as read so far, then its reply as written so far. */
    private static final class Connection {
        enum Phase { READING, HANDLING, WRITING, DISCARDING }

        final SocketChannel channel;
        final SelectionKey key;
        final UnixDomainPrincipal peer;
        final long since = System.nanoTime();
        final ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST + 1);
        Phase phase = Phase.READING;
        long deadline;
        ByteBuffer reply;

        Connection(SocketChannel channel, SelectionKey key, UnixDomainPrincipal peer, long deadline) {
            this.channel = channel;
            this.key = key;
            this.peer = peer;
            this.deadline = deadline;
        }
    }

    private ControlServer(Path path, ServerSocketChannel server, Selector selector, PeerCheck peers,
                          ControlHandler handler, Limits limits) {
        this.path = path;
        this.server = server;
        this.selector = selector;
        this.peers = peers;
        this.handler = handler;
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(limits.workers(), r -> {
            Thread t = new Thread(r, "vlinkd-control-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.io = new Thread(this::ioLoop, "vlinkd-control");
        this.io.setDaemon(true);
    }

    /**
     * Binds {@code path} (mode 0600, or 0660 owned by the policy's group) and starts serving. A stale socket file
     * from a crashed daemon is replaced; a live one (another vlinkd answers) is an error.
     */
    public static ControlServer start(Path path, PeerPolicy policy, ControlHandler handler) throws IOException {
        return start(path, policy.group(), policy, handler, Limits.DEFAULT);
    }

    /** As above, with the file's group and the per-connection check given apart (tests refuse with their own). */
    static ControlServer start(Path path, Optional<String> fileGroup, PeerCheck peers, ControlHandler handler)
            throws IOException {
        return start(path, fileGroup, peers, handler, Limits.DEFAULT);
    }

    static ControlServer start(Path path, Optional<String> fileGroup, PeerCheck peers, ControlHandler handler,
                               Limits limits) throws IOException {
        Files.createDirectories(path.getParent());
        if (Files.exists(path)) {
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                throw new IOException(path + ": another vlinkd is already listening");
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("already listening")) {
                    throw e;
                }
                Files.deleteIfExists(path);
            }
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Selector selector;
        try {
            if (fileGroup.isPresent()) {
                GroupPrincipal g = path.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(fileGroup.get());
                Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(g);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            } else {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(path);
            throw new IOException(path + ": cannot set owner/mode: " + e.getMessage(), e);
        }
        ControlServer s = new ControlServer(path, server, selector, peers, handler, limits);
        s.io.start();
        return s;
    }

    public Path path() {
        return path;
    }

    private void ioLoop() {
        try {
            while (!closing) {
                // Wake at least twice per timeout so an idle connection is closed close to its deadline.
                selector.select(Math.max(50, limits.requestTimeout().toMillis() / 4));
                for (Runnable r; (r = replies.poll()) != null; ) {
                    r.run();
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        accept();
                        continue;
                    }
                    Connection c = (Connection) k.attachment();
                    if (k.isReadable()) {
                        read(c);
                    } else if (k.isWritable()) {
                        write(c);
                    }
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closing) {
                LOG.error("control socket {}: {}", path, e.toString());
            }
        } finally {
            new ArrayList<>(open).forEach(this::drop);
        }
    }

    private void accept() {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
                if (ch == null) {
                    return;
                }
            } catch (IOException e) {
                LOG.warn("control socket {}: accept: {}", path, e.getMessage());
                return;
            }
            try {
                ch.configureBlocking(false);
                if (open.size() >= limits.maxConnections() && !closeIdlest()) {
                    LOG.warn("control socket: refused a connection: {} are being served (the limit)", open.size());
                    ch.write(ByteBuffer.wrap(format(Reply.failed("vlinkd is serving " + open.size()
                            + " requests, its limit; try again"), ControlClient.EXIT_UNREACHABLE)));
                    ch.close();
                    continue;
                }
                UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
                SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
                Connection c = new Connection(ch, key, peer, System.nanoTime() + limits.requestTimeout().toNanos());
                key.attach(c);
                open.add(c);
            } catch (IOException e) {
                LOG.debug("control connection: {}", e.getMessage());
                closeQuietly(ch);
            }
        }
    }

    /** Makes room at the limit: closes the connection that has waited longest without a complete request. */
    private boolean closeIdlest() {
        Optional<Connection> idlest = open.stream().filter(c -> c.phase == Connection.Phase.READING)
                .min(Comparator.comparingLong(c -> c.since));
        idlest.ifPresent(c -> {
            LOG.warn("control socket: {} connections open (the limit): closed the one idle longest", open.size());
            refuse(c, "closed: no request yet and " + open.size() + " connections are open, the limit",
                    ControlClient.EXIT_UNREACHABLE);
        });
        return idlest.isPresent();
    }

    private void read(Connection c) {
        if (c.phase == Connection.Phase.DISCARDING) {
            discard(c);
            return;
        }
        int n;
        try {
            n = c.channel.read(c.request);
        } catch (IOException e) {
            LOG.debug("control connection: {}", e.getMessage());
            drop(c);
            return;
        }
        int end = indexOf(c.request, (byte) '\n');
        if (end > MAX_REQUEST || (end < 0 && !c.request.hasRemaining())) {
            LOG.warn("control socket: a request longer than {} bytes was refused", MAX_REQUEST);
            refuseWhileSending(c, "request too large: a request is one line of at most " + MAX_REQUEST + " bytes",
                    ControlClient.EXIT_USAGE);
        } else if (end >= 0 || n < 0) {
            // A line, or what came before the client shut its side down (a request without a newline).
            String line = new String(c.request.array(), 0, end >= 0 ? end : c.request.position(),
                    StandardCharsets.UTF_8);
            c.phase = Connection.Phase.HANDLING;
            c.key.interestOps(0);
            try {
                workers.execute(() -> {
                    byte[] reply = respond(c.peer, line);
                    replies.add(() -> startReply(c, reply));
                    selector.wakeup();
                });
            } catch (RejectedExecutionException e) {
                drop(c); // closing
            }
        }
    }

    private static int indexOf(ByteBuffer b, byte x) {
        for (int i = 0; i < b.position(); i++) {
            if (b.get(i) == x) {
                return i;
            }
        }
        return -1;
    }

    /** On a worker: the peer check, the request and the handler; never throws. */
    private byte[] respond(UnixDomainPrincipal peer, String line) {
        String refusal = peers.refusal(peer);
        if (refusal != null) {
            LOG.warn("control socket: refused: {}", refusal);
            return format(Reply.failed(refusal), ControlClient.EXIT_PERMISSION);
        }
        ControlRequest req;
        try {
            req = ControlRequest.parse(line);
        } catch (ControlRequest.ProtocolException e) {
            return format(Reply.failed(e.getMessage()), ControlClient.EXIT_USAGE);
        }
        LOG.debug("control: {} from {}", req.format(), peer.user().getName());
        Reply reply;
        try {
            reply = handler.handle(req);
        } catch (RuntimeException e) {
            // A bug or a stopping daemon: say so to the client; the daemon keeps serving.
            LOG.error("control: {}: {}", req.verb(), e.toString());
            reply = Reply.failed(req.verb() + ": " + e.getMessage());
        }
        return format(reply, reply.exitCode());
    }

    private void startReply(Connection c, byte[] reply) {
        if (!c.channel.isOpen()) {
            return;
        }
        c.phase = Connection.Phase.WRITING;
        c.reply = ByteBuffer.wrap(reply);
        c.deadline = System.nanoTime() + limits.replyTimeout().toNanos();
        c.key.interestOps(SelectionKey.OP_WRITE);
        write(c);
    }

    private void write(Connection c) {
        try {
            c.channel.write(c.reply);
            if (!c.reply.hasRemaining()) {
                drop(c);
            }
        } catch (IOException e) {
            LOG.debug("control connection: {}", e.getMessage());
            drop(c);
        }
    }

    /** Ends a connection with a reply it gets if its socket has room (it has: nothing else was written to it). */
    private void refuse(Connection c, String why, int exit) {
        try {
            c.channel.write(ByteBuffer.wrap(format(Reply.failed(why), exit)));
        } catch (IOException e) {
            LOG.debug("control connection: {}", e.getMessage());
        }
        drop(c);
    }

    /**
     * Refuses a client that is still sending: the reply, then this side shut down, then what it still sends is read
     * and thrown away until it closes or {@link #DISCARD_TIME} has passed. Closing at once with its data unread
     * would reset the connection, and the client's read would get ECONNRESET instead of the reply's end.
     */
    private void refuseWhileSending(Connection c, String why, int exit) {
        try {
            c.channel.write(ByteBuffer.wrap(format(Reply.failed(why), exit)));
            c.channel.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("control connection: {}", e.getMessage());
            drop(c);
            return;
        }
        c.phase = Connection.Phase.DISCARDING;
        c.deadline = System.nanoTime() + DISCARD_TIME.toNanos();
    }

    private void discard(Connection c) {
        try {
            if (c.channel.read(c.request.clear()) < 0) {
                drop(c);
            }
        } catch (IOException e) {
            drop(c);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (Connection c : new ArrayList<>(open)) {
            if (c.phase == Connection.Phase.HANDLING || now - c.deadline < 0) {
                continue;
            }
            if (c.phase == Connection.Phase.DISCARDING) {
                drop(c);
            } else if (c.phase == Connection.Phase.READING) {
                LOG.debug("control connection: no request within {}", limits.requestTimeout());
                refuse(c, "no request within " + limits.requestTimeout().toSeconds() + " s",
                        ControlClient.EXIT_USAGE);
            } else {
                LOG.debug("control connection: reply not taken within {}", limits.replyTimeout());
                drop(c);
            }
        }
    }

    private void drop(Connection c) {
        open.remove(c);
        c.key.cancel();
        closeQuietly(c.channel);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("control connection: close: {}", e.getMessage());
        }
    }

    private static byte[] format(Reply reply, int exit) {
        StringWriter w = new StringWriter();
        try {
            send(w, reply, exit);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void send(Writer w, Reply reply, int exit) throws IOException {
        for (String o : reply.out()) {
            for (String part : o.split("\n", -1)) {
                w.write(new ReplyLine.Out(part).format());
                w.write('\n');
            }
        }
        for (String e : reply.err()) {
            for (String part : e.split("\n", -1)) {
                w.write(new ReplyLine.Err(part).format());
                w.write('\n');
            }
        }
        w.write(new ReplyLine.Exit(exit).format());
        w.write('\n');
        w.flush();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        selector.wakeup();
        try {
            io.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        selector.close();
        server.close();
        Files.deleteIfExists(path);
    }
}
