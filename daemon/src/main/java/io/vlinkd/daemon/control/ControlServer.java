package io.vlinkd.daemon.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket: a Unix stream socket ({@code /run/vlinkd/control.sock}), one request line per connection,
 * a reply of {@link ReplyLine}s. Each connection gets its own thread (a {@code reload} waits for the daemon's loop;
 * nothing else should wait behind it).
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");
    /** A request line is short; a peer sending more is not a vlinkctl. */
    private static final int MAX_REQUEST = 4096;

    private final Path path;
    private final ServerSocketChannel server;
    private final PeerCheck peers;
    private final ControlHandler handler;
    private final Thread acceptor;

    private ControlServer(Path path, ServerSocketChannel server, PeerCheck peers, ControlHandler handler) {
        this.path = path;
        this.server = server;
        this.peers = peers;
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "vlinkd-control");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds {@code path} (mode 0600, or 0660 owned by the policy's group) and starts serving. A stale socket file
     * from a crashed daemon is replaced; a live one (another vlinkd answers) is an error.
     */
    public static ControlServer start(Path path, PeerPolicy policy, ControlHandler handler) throws IOException {
        return start(path, policy.group(), policy, handler);
    }

    /** As above, with the file's group and the per-connection check given apart (tests refuse with their own). */
    static ControlServer start(Path path, java.util.Optional<String> fileGroup, PeerCheck peers,
                               ControlHandler handler) throws IOException {
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
        try {
            if (fileGroup.isPresent()) {
                GroupPrincipal g = path.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(fileGroup.get());
                Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(g);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            } else {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(path);
            throw new IOException(path + ": cannot set owner/mode: " + e.getMessage(), e);
        }
        ControlServer s = new ControlServer(path, server, peers, handler);
        s.acceptor.start();
        return s;
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("control socket {}: accept: {}", path, e.getMessage());
                continue;
            }
            Thread t = new Thread(() -> serve(ch), "vlinkd-control-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel ch) {
        try (ch; Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8)) {
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            // The line is read (bounded) before a refusal so the client's write never meets a closed socket.
            BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8), MAX_REQUEST);
            String line = readLine(r);
            String refusal = peers.refusal(peer);
            if (refusal != null) {
                LOG.warn("control socket: refused: {}", refusal);
                send(w, Reply.failed(refusal), ControlClient.EXIT_PERMISSION);
                return;
            }
            ControlRequest req;
            try {
                req = ControlRequest.parse(line);
            } catch (ControlRequest.ProtocolException e) {
                send(w, Reply.failed(e.getMessage()), ControlClient.EXIT_USAGE);
                return;
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
            send(w, reply, reply.exitCode());
        } catch (IOException e) {
            LOG.debug("control connection: {}", e.getMessage());
        }
    }

    private static String readLine(BufferedReader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = r.read()) != -1 && c != '\n') {
            if (sb.length() >= MAX_REQUEST) {
                return null;
            }
            sb.append((char) c);
        }
        return sb.toString();
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
        server.close();
        Files.deleteIfExists(path);
    }
}
