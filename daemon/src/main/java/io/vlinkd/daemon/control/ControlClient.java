package io.vlinkd.daemon.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** vlinkctl's side of the control socket: sends one request, streams the reply lines, returns the exit code. */
public final class ControlClient {
    /** Exit codes of vlinkctl, documented in vlinkctl(8). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNREACHABLE = 3;
    public static final int EXIT_PERMISSION = 4;
    public static final int EXIT_TIMEOUT = 5;

    private final Path socket;

    public ControlClient(Path socket) {
        this.socket = socket;
    }

    /** The daemon could not be reached at all; {@link #exitCode} says whether it is absent or refused us. */
    public static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        UnreachableException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public int call(ControlRequest request, Consumer<String> out, Consumer<String> err)
            throws UnreachableException {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (AccessDeniedException e) {
            throw new UnreachableException(socket + ": permission denied (vlinkctl talks to the daemon as root)",
                    EXIT_PERMISSION);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.contains("Permission denied")) {
                throw new UnreachableException(socket + ": permission denied (vlinkctl talks to the daemon as root)",
                        EXIT_PERMISSION);
            }
            throw new UnreachableException("cannot reach vlinkd at " + socket + ": " + why
                    + " (is it running? systemctl status vlinkd)", EXIT_UNREACHABLE);
        }
        try (ch) {
            var w = Channels.newOutputStream(ch);
            try {
                w.write((request.format() + "\n").getBytes(StandardCharsets.UTF_8));
                w.flush();
            } catch (IOException e) {
                // The daemon may have answered (a refusal) and closed already: its reply is still readable.
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                ReplyLine l = ReplyLine.parse(line);
                if (l instanceof ReplyLine.Out o) {
                    out.accept(o.text());
                } else if (l instanceof ReplyLine.Err e) {
                    err.accept(e.text());
                } else {
                    return ((ReplyLine.Exit) l).code();
                }
            }
            throw new UnreachableException("vlinkd closed the connection before replying", EXIT_UNREACHABLE);
        } catch (IOException | ControlRequest.ProtocolException e) {
            throw new UnreachableException("control socket " + socket + ": " + e.getMessage(), EXIT_UNREACHABLE);
        }
    }
}
