package io.vlinkd.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
}
