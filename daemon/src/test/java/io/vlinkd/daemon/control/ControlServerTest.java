package io.vlinkd.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    @Test
    void requestAndReplyRoundTripOverTheSocket(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("run/control.sock");
        List<ControlRequest> seen = new ArrayList<>();
        ControlHandler h = r -> {
            seen.add(r);
            return new Reply(1, List.of("line one\nline two"), List.of("a problem"));
        };
        try (ControlServer s = ControlServer.start(sock, PeerPolicy.rootOnly(), h)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-------");
            List<String> out = new ArrayList<>();
            List<String> err = new ArrayList<>();
            int code = new ControlClient(sock).call(ControlRequest.of("plan").with("format", "netlink"), out::add,
                    err::add);
            assertThat(code).isEqualTo(1);
            assertThat(out).containsExactly("line one", "line two");
            assertThat(err).containsExactly("a problem");
        }
        assertThat(seen).containsExactly(ControlRequest.of("plan").with("format", "netlink"));
        assertThat(sock).doesNotExist();
    }

    @Test
    void aPeerOutsideThePolicyIsRefusedBeforeTheHandlerRuns(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        List<ControlRequest> seen = new ArrayList<>();
        // The tests run as root, whom the real policy admits; this check stands in for a refused user.
        PeerCheck nobody = peer -> new PeerPolicy(Optional.of("netops")).refusal(
                new jdk.net.UnixDomainPrincipal(() -> "alice", () -> "staff"));
        ControlHandler h = r -> {
            seen.add(r);
            return Reply.ok(List.of());
        };
        try (ControlServer s = ControlServer.start(sock, Optional.empty(), nobody, h)) {
            List<String> err = new ArrayList<>();
            int code = new ControlClient(sock).call(ControlRequest.of("reload"), x -> { }, err::add);
            assertThat(code).isEqualTo(ControlClient.EXIT_PERMISSION);
            assertThat(err).singleElement().asString().contains("may not use the control socket");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aMalformedRequestIsAUsageError(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        try (ControlServer s = ControlServer.start(sock, PeerPolicy.rootOnly(), r -> Reply.ok(List.of()))) {
            List<String> err = new ArrayList<>();
            int code = new ControlClient(sock).call(new ControlRequest("self-destruct", java.util.Map.of()),
                    x -> { }, err::add);
            assertThat(code).isEqualTo(ControlClient.EXIT_USAGE);
            assertThat(err).singleElement().asString().contains("unknown verb");
        }
    }

    @Test
    void aSecondServerOnALiveSocketIsRefusedAndAStaleOneReplaced(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        try (ControlServer s = ControlServer.start(sock, PeerPolicy.rootOnly(), r -> Reply.ok(List.of()))) {
            assertThatThrownBy(() -> ControlServer.start(sock, PeerPolicy.rootOnly(), r -> Reply.ok(List.of())))
                    .hasMessageContaining("another vlinkd is already listening");
        }
        Files.createFile(sock); // a leftover file from a crash: nobody listens on it
        try (ControlServer s = ControlServer.start(sock, PeerPolicy.rootOnly(), r -> Reply.ok(List.of("up")))) {
            List<String> out = new ArrayList<>();
            assertThat(new ControlClient(sock).call(ControlRequest.of("ping"), out::add, x -> { })).isZero();
            assertThat(out).containsExactly("up");
        }
    }

    @Test
    void noDaemonMeansExitThree(@TempDir Path dir) {
        assertThatThrownBy(() -> new ControlClient(dir.resolve("none.sock")).call(ControlRequest.of("status"),
                x -> { }, x -> { }))
                .isInstanceOfSatisfying(ControlClient.UnreachableException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ControlClient.EXIT_UNREACHABLE));
    }

    /** Everything the server sent on {@code ch} until it closed the connection. */
    private static List<String> replyLines(SocketChannel ch) throws IOException {
        // ch.read, not Channels.newInputStream: that stream holds the channel's blocking lock while it waits, and
        // a test's writer thread could not write meanwhile.
        var bytes = new java.io.ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (ch.read(b.clear()) >= 0) {
            bytes.write(b.array(), 0, b.position());
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static long controlThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("vlinkd-control")).count();
    }

    @Test
    void aRequestLargerThanTheLimitIsAnsweredRequestTooLarge(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        try (ControlServer s = ControlServer.start(sock, PeerPolicy.rootOnly(), r -> Reply.ok(List.of()));
             SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            Thread writer = new Thread(() -> {
                try {
                    ch.write(ByteBuffer.allocate(10 << 20)); // 10 MiB, no newline
                } catch (IOException e) {
                    // The server stops reading at its limit and closes: a broken pipe here is expected.
                }
            });
            writer.start();
            assertThat(replyLines(ch)).containsExactly(
                    "err request too large: a request is one line of at most 4096 bytes", "exit 2");
            writer.join(5000);
        }
    }

    @Test
    void idleConnectionsNeitherBlockStatusNorTakeAThreadEach(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        List<SocketChannel> idle = new ArrayList<>();
        try (ControlServer s = ControlServer.start(sock, PeerPolicy.rootOnly(),
                r -> Reply.ok(List.of("running")))) {
            for (int i = 0; i < 250; i++) {
                idle.add(SocketChannel.open(UnixDomainSocketAddress.of(sock)));
            }
            long started = System.nanoTime();
            List<String> out = new ArrayList<>();
            assertThat(new ControlClient(sock).call(ControlRequest.of("status"), out::add, x -> { })).isZero();
            assertThat(out).containsExactly("running");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            // The I/O thread and at most the workers: not one per connection.
            assertThat(controlThreads()).isLessThanOrEqualTo(1 + ControlServer.Limits.DEFAULT.workers());
            // The connections that had to make room were told why.
            assertThat(replyLines(idle.get(0))).containsExactly("err closed: no request yet and 32 connections"
                    + " are open, the limit", "exit 3");
        } finally {
            for (SocketChannel ch : idle) {
                ch.close();
            }
        }
    }

    @Test
    void aConnectionThatSendsNoRequestIsClosedAfterTheTimeout(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        var limits = new ControlServer.Limits(4, Duration.ofMillis(300), Duration.ofSeconds(5), 2);
        try (ControlServer s = ControlServer.start(sock, Optional.empty(), PeerPolicy.rootOnly(),
                r -> Reply.ok(List.of()), limits);
             SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            long started = System.nanoTime();
            assertThat(replyLines(ch)).containsExactly("err no request within 0 s", "exit 2");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
                    Duration.ofSeconds(3));
        }
    }

    @Test
    void aConnectionBeyondTheLimitIsRefusedWhenAllAreBeingServed(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("control.sock");
        var limits = new ControlServer.Limits(2, Duration.ofSeconds(5), Duration.ofSeconds(5), 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch handling = new CountDownLatch(2);
        ControlHandler slow = r -> {
            handling.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok(List.of("done"));
        };
        try (ControlServer s = ControlServer.start(sock, Optional.empty(), PeerPolicy.rootOnly(), slow, limits)) {
            List<Thread> busy = new ArrayList<>();
            List<Integer> codes = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> {
                    try {
                        codes.add(new ControlClient(sock).call(ControlRequest.of("reload"), x -> { }, x -> { }));
                    } catch (ControlClient.UnreachableException e) {
                        codes.add(e.exitCode());
                    }
                });
                t.start();
                busy.add(t);
            }
            assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
            List<String> err = new ArrayList<>();
            int code = new ControlClient(sock).call(ControlRequest.of("status"), x -> { }, err::add);
            assertThat(code).isEqualTo(ControlClient.EXIT_UNREACHABLE);
            assertThat(err).containsExactly("vlinkd is serving 2 requests, its limit; try again");
            release.countDown();
            for (Thread t : busy) {
                t.join(5000);
            }
            assertThat(codes).containsExactly(0, 0);
        }
    }
}
