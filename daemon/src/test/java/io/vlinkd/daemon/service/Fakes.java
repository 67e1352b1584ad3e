package io.vlinkd.daemon.service;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory stand-ins for the config and reconcile layers, recording what the daemon asked of them. */
public final class Fakes {
    private Fakes() {
    }

    /** A distinguishable empty state: its one "file" names it. */
    static DesiredState state(String name) {
        return new DesiredState(List.of(), List.of(), List.of(), DaemonSettings.defaults(),
                List.of(Path.of("/etc/vlinkd/" + name + ".yaml")));
    }

    /** The same state with {@code settings.resync-interval} set. */
    static DesiredState rereadEvery(DesiredState s, java.time.Duration interval) {
        DaemonSettings d = s.settings();
        return new DesiredState(s.links(), s.absent(), s.routes(),
                new DaemonSettings(d.drift(), d.foreign(), d.onError(), d.routeProtocol(), interval), s.files());
    }

    /** The same state with {@code drift: report}. */
    static DesiredState reportingDrift(DesiredState s) {
        DaemonSettings d = s.settings();
        return new DesiredState(s.links(), s.absent(), s.routes(),
                new DaemonSettings(DaemonSettings.DriftPolicy.REPORT, d.foreign(), d.onError()), s.files());
    }

    /** Holds a call until released, and says when one is held. */
    static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void pass() {
            entered.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the gate was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("nothing reached the gate");
            }
        }
    }

    static final class Config implements ConfigPort {
        volatile LoadResult next;
        final AtomicInteger loads = new AtomicInteger();
        /** When set, the next load waits at it (and clears it). */
        volatile Gate gate;

        Config(LoadResult first) {
            this.next = first;
        }

        @Override
        public LoadResult load(List<Path> paths) {
            loads.incrementAndGet();
            Gate g = gate;
            if (g != null) {
                gate = null;
                g.pass();
            }
            return next;
        }

        @Override
        public String schema() {
            return "{}";
        }
    }

    static final class Reconcile implements ReconcilePort {
        final List<DesiredState> applied = Collections.synchronizedList(new ArrayList<>());
        /** Applies that returned, in order (an apply held at the gate is in {@link #applied} but not here yet). */
        final List<DesiredState> finished = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch rolledBack = new CountDownLatch(1);
        final AtomicInteger plans = new AtomicInteger();
        /** Calls of {@link #rereadKernel}: starts, reloads and the periodic re-reads. */
        final AtomicInteger rereads = new AtomicInteger();
        volatile boolean fail;
        /** The kernel already matches: the apply changes nothing. */
        volatile boolean unchanged;
        /** When set, the next apply waits at it (and clears it). */
        volatile Gate gate;

        @Override
        public PlanView plan(DesiredState state, String netns, PlanFormat format) {
            plans.incrementAndGet();
            return new PlanView(List.of("ip link add br0 type bridge"), List.of());
        }

        @Override
        public void rereadKernel() {
            rereads.incrementAndGet();
        }

        /** The interfaces of each scoped drift repair ({@link #repair}), in order; each is also an apply. */
        final List<java.util.Set<String>> repaired = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Applied repair(DesiredState running, java.util.Set<String> links) {
            repaired.add(links);
            return apply(running, null);
        }

        @Override
        public Applied apply(DesiredState state, String netns) {
            applied.add(state);
            Gate g = gate;
            if (g != null) {
                gate = null;
                g.pass();
            }
            try {
                return result();
            } finally {
                finished.add(state);
            }
        }

        private Applied result() {
            if (unchanged) {
                return new Applied(true, "nothing to change: the kernel matches the config", List.of(),
                        Optional.empty());
            }
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

    /** Records what the daemon tells the service manager, one line per call ({@code STATUS converged: ...}). */
    public static final class Notifier implements ServiceNotifier {
        public final List<String> sent = Collections.synchronizedList(new ArrayList<>());

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
