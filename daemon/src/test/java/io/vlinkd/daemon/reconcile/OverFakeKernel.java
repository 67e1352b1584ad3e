package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setting most reconciler tests share, fresh for each test: an in-memory kernel decoding with {@link #kinds()},
 * a ledger in a temporary directory, and a reconciler over both (two verify attempts, no delay between them); and
 * desired states from YAML in that directory.
 */
abstract class OverFakeKernel {
    @TempDir
    Path dir;

    FakeKernel kernel;
    OwnershipStore store;
    Reconciler reconciler;

    /** The kinds the kernel decodes with: the small test kinds, unless a test needs the real registry. */
    Function<String, Optional<LinkKind<?>>> kinds() {
        return TestKind::byName;
    }

    @BeforeEach
    void startFakeKernel() {
        kernel = new FakeKernel(kinds());
        store = new OwnershipStore(dir.resolve("owned"));
        reconciler = new Reconciler(kernel, store, new Planner(), 2, Duration.ZERO);
    }

    /** A desired state from YAML, loaded as the daemon loads its configuration. */
    DesiredState config(String yaml) throws IOException {
        return Desired.fromYaml(dir, yaml);
    }

    /** The same over the real kinds of {@link LinkKinds}, for tests of what a real kind's options do. */
    abstract static class WithRealKinds extends OverFakeKernel {
        @Override
        Function<String, Optional<LinkKind<?>>> kinds() {
            return LinkKinds::byName;
        }
    }
}
