package io.vlinkd.daemon.service;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** In-memory stand-ins for the config and reconcile layers, recording what the daemon asked of them. */
final class Fakes {
    private Fakes() {
    }

    /** A distinguishable empty state: its one "file" names it. */
    static DesiredState state(String name) {
        return new DesiredState(List.of(), List.of(), List.of(), DaemonSettings.defaults(),
                List.of(Path.of("/etc/vlinkd/" + name + ".yaml")));
    }

    static final class Config implements ConfigPort {
        volatile LoadResult next;

        Config(LoadResult first) {
            this.next = first;
        }

        @Override
        public LoadResult load(List<Path> paths) {
            return next;
        }

        @Override
        public String schema() {
            return "{}";
        }
    }

    static final class Reconcile implements ReconcilePort {
        final List<DesiredState> applied = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch rolledBack = new CountDownLatch(1);
        volatile boolean fail;

        @Override
        public PlanView plan(DesiredState state, String netns, PlanFormat format) {
            return new PlanView(List.of("ip link add br0 type bridge"), List.of());
        }

        @Override
        public Applied apply(DesiredState state, String netns) {
            applied.add(state);
            if (fail) {
                return new Applied(false, "br0: RTM_NEWLINK: EOPNOTSUPP", List.of(new Event("br0",
                        "br0: create (/etc/vlinkd/a.yaml:2:5): EOPNOTSUPP: Unknown device type", true)),
                        Optional.empty());
            }
            return new Applied(true, "1 created", List.of(new Event("br0", "br0: created", false)),
                    Optional.of(() -> {
                        rolledBack.countDown();
                        return "br0 deleted";
                    }));
        }
    }

    static final class Notifier implements ServiceNotifier {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void ready(String status) {
            sent.add("READY " + status);
        }

        @Override
        public void reloading(long monotonicUsec, String status) {
            sent.add("RELOADING " + status);
        }

        @Override
        public void reloaded(String status) {
            sent.add("READY " + status);
        }

        @Override
        public void status(String status) {
            sent.add("STATUS " + status);
        }

        @Override
        public void stopping() {
            sent.add("STOPPING");
        }

        @Override
        public void watchdog() {
            sent.add("WATCHDOG");
        }

        @Override
        public long watchdogUsec() {
            return 0;
        }
    }
}
