package io.vlinkd.it.reconcile;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.KernelException;
import io.vlinkd.daemon.reconcile.KernelPort;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.socket.Netns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The kernel side of one reconcile test: a fresh namespace and a {@link NetlinkKernelPort} into it, both closed after
 * the test (the port first), also when the set-up stopped half-way at a failed assumption; and a directory for the
 * test's ownership ledger and config files, removed after it. A test registers it as an instance field
 * ({@code @RegisterExtension}), so each test method gets its own.
 */
final class KernelFixture implements AfterEachCallback {
    private TestNamespace ns;
    private NetlinkKernelPort port;
    private Path dir;
    private OwnershipStore store;

    /** Creates the namespace; skips the test, saying why, when this process cannot (no root or no ip netns). */
    TestNamespace freshNamespace() {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns: runs in the namespace lane");
        ns = TestNamespace.create();
        return ns;
    }

    /** {@link #freshNamespace}, and skips the test unless its kernel has {@code kind}. */
    TestNamespace freshNamespaceWith(String kind) {
        freshNamespace();
        Assumptions.assumeTrue(ns.supportsKind(kind), "this kernel lacks " + kind + " (the full-kernel lane has it)");
        return ns;
    }

    /** Skips the test unless the namespace's kernel has the three kinds the {@code TestKind} configs use. */
    void assumeBridgeVethAndVxlan() {
        Assumptions.assumeTrue(ns.supportsKind("vxlan", "id", "1", "dstport", "4789")
                && ns.supportsKind("veth", "peer", "name", "vlt-probe1") && ns.supportsKind("bridge"),
                "this kernel lacks bridge, veth or vxlan");
    }

    /** A port into the namespace that knows the kinds of {@link LinkKinds}, as the daemon's does. */
    NetlinkKernelPort open() throws KernelException {
        port = NetlinkKernelPort.open(Netns.named(ns.name()));
        return port;
    }

    /** A port into the namespace that knows only the given kinds (the test kinds of the daemon's unit tests). */
    NetlinkKernelPort open(Function<String, Optional<LinkKind<?>>> kinds) throws KernelException {
        port = NetlinkKernelPort.open(Netns.named(ns.name()), kinds);
        return port;
    }

    /** This test's own directory, made on first use. */
    Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("vlinkd-it-");
        }
        return dir;
    }

    /** This test's ownership ledger, in {@link #dir}: one per test, so a re-apply sees what the first one owned. */
    OwnershipStore store() throws IOException {
        if (store == null) {
            store = new OwnershipStore(dir().resolve("owned"));
        }
        return store;
    }

    /** A real-kernel {@link #reconciler(KernelPort, OwnershipStore)} of {@code port} with this test's ledger. */
    Reconciler reconciler(KernelPort port) throws IOException {
        return reconciler(port, store());
    }

    /** The config of {@code yaml}, written to a file in {@link #dir} and loaded as the daemon would. */
    DesiredState config(String yaml) throws IOException {
        return Desired.fromYaml(dir(), yaml);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (port != null) {
            port.close();
        }
        if (ns != null) {
            ns.close();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /**
     * A reconciler for a real kernel: it verifies up to 20 times, 50 ms apart, since the kernel settles some things
     * (carrier, operstate, IPv6 DAD) after the request returns.
     */
    static Reconciler reconciler(KernelPort port, OwnershipStore store) {
        return new Reconciler(port, store, new Planner(), 20, Duration.ofMillis(50));
    }

    /** The spec of a registered kind, from options as a config file would give them. */
    static KindSpec spec(String kind, String name, Map<String, Object> options) {
        LinkKind<?> k = LinkKinds.byName(kind).orElseThrow();
        return k.fromOptions(OptionValues.of(options), new LinkCommon(name, Optional.empty(), Optional.empty()),
                new Problems());
    }
}
