/*
 * Reconciler benchmarks (issue 6), compiled and run by bench/reconcile/run.sh on the daemon's jar and test-jar (compiled
 * ahead: a single-file launch would run javac inside the measured JVM, its compilation competing with the JIT).
 * Each scenario runs in fresh network namespaces it creates and deletes. Not a unit test: one run, printed figures.
 *
 *   cold-bridges N [first-apply]  vlinkd apply of N bridges vs `ip -batch` of `link add brI type bridge`
 *   cold-veths N [first-apply]    vlinkd apply of N veth pairs vs `ip -batch` of `link add vaI type veth peer name vbI`
 *                                 (first-apply: the first apply of a fresh JVM; default: a warmed one)
 *   noop N           a second apply over N existing links: time and number of writes (must be 0)
 *   drift M          M times: delete an owned bridge with a netlink request from another socket, time until the
 *                    drift watcher has re-created it (seen as RTM_NEWLINK on a third socket)
 */
import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.DriftWatcher;
import io.vlinkd.daemon.reconcile.FakeKernel;
import io.vlinkd.daemon.reconcile.KernelException;
import io.vlinkd.daemon.reconcile.KernelPort;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Write;
import io.vlinkd.daemon.reconcile.WriteResult;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class ReconcileBench {

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        int n = Integer.parseInt(args[1]);
        boolean firstApply = args.length > 2 && args[2].equals("first-apply");
        switch (scenario) {
            case "cold-bridges" -> cold(n, false, firstApply);
            case "cold-veths" -> cold(n, true, firstApply);
            case "noop" -> noop(n);
            case "drift" -> drift(n);
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    /** Counts the write requests that reach the kernel. */
    static final class Counting implements KernelPort {
        final KernelPort inner;
        int writes;
        long writeNanos;
        long observeNanos;

        Counting(KernelPort inner) {
            this.inner = inner;
        }

        public ObservedState observe() throws KernelException {
            long t0 = System.nanoTime();
            try {
                return inner.observe();
            } finally {
                observeNanos += System.nanoTime() - t0;
            }
        }

        /** Counts each rtnetlink request, and each generic netlink operation that changed something. */
        public List<WriteResult> execute(List<Write> wave) throws KernelException {
            long t0 = System.nanoTime();
            try {
                List<WriteResult> results = inner.execute(wave);
                for (WriteResult r : results) {
                    writes += r.write() instanceof Write.RtnlRequest || !r.changed().isEmpty() ? 1 : 0;
                }
                return results;
            } finally {
                writeNanos += System.nanoTime() - t0;
            }
        }

        public int netnsFd(String netns) throws KernelException {
            return inner.netnsFd(netns);
        }
    }

    static KindSpec spec(String kind, Map<String, Object> options) {
        LinkKind<?> k = LinkKinds.byName(kind).orElseThrow(() -> new IllegalStateException("no kind " + kind));
        return k.fromOptions(OptionValues.of(options), new LinkCommon("x", Optional.empty(), Optional.empty()),
                new Problems());
    }

    static DesiredState desired(int n, boolean veth) {
        List<DesiredLink> links = new ArrayList<>();
        SourceLocation where = new SourceLocation(Path.of("/etc/vlinkd/bench.yaml"), 1, 1);
        for (int i = 0; i < n; i++) {
            LinkSpec s = veth
                    ? LinkSpec.of("va" + i, LinkKinds.byName("veth").get(), spec("veth", Map.of("peer", "vb" + i)))
                    : LinkSpec.of("br" + i, LinkKinds.byName("bridge").get(), spec("bridge", Map.of()));
            links.add(new DesiredLink(s, List.of(), false, where));
        }
        return new DesiredState(links, List.of(), List.of(), DaemonSettings.defaults(), List.of());
    }

    static String newNamespace() throws Exception {
        String name = "vlb-" + Long.toString(System.nanoTime() % 100000000L, 36);
        run("ip", "netns", "add", name);
        return name;
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    static Reconciler reconciler(KernelPort port) throws Exception {
        Path dir = Files.createTempDirectory("vlinkd-bench");
        return new Reconciler(port, new OwnershipStore(dir.resolve("owned")), new Planner(), 20,
                Duration.ofMillis(50));
    }

    /**
     * Cold apply (a fresh namespace) of {@code n} bridges or veth pairs, against {@code ip -batch} of the same
     * {@code link add} lines. {@link #ROUNDS} rounds, each in fresh namespaces in the order ip, vlinkd, ip (the
     * ratio is taken against the mean of the two ip runs around it, so a drift of the machine cancels out); the
     * namespaces of a round are deleted and their teardown, which holds the rtnl lock, is waited out before the
     * next. The median ratio of the rounds is the figure.
     *
     * @param firstApply true: the first apply of this JVM (a daemon just started), in the first round only;
     *                   false: a JVM that has already reconciled (a daemon reloading), warmed by {@link #warmUp}
     */
    static void cold(int n, boolean veth, boolean firstApply) throws Exception {
        String what = n + (veth ? " veth pairs" : " bridges");
        if (!firstApply) {
            warmUp(n, veth);
        }
        Path batch = Files.createTempFile("ip-batch", ".txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(veth ? "link add va" + i + " type veth peer name vb" + i : "link add br" + i + " type bridge");
        }
        Files.write(batch, lines);
        List<Double> ratios = new ArrayList<>();
        List<Double> writeRatios = new ArrayList<>();
        List<Double> checkedRatios = new ArrayList<>();
        int rounds = firstApply ? 1 : ROUNDS;
        try {
            for (int round = 1; round <= rounds; round++) {
                List<String> namespaces = new ArrayList<>();
                try {
                    IpRun ip1 = ipBatch(batch, namespaces);
                    TimedApply timed = vlinkdApply(desired(n, veth), namespaces);
                    Counting counting = timed.counts();
                    double vlinkd = timed.millis();
                    IpRun ip2 = ipBatch(batch, namespaces);
                    double ip = (ip1.batch() + ip2.batch()) / 2;
                    double ipChecked = ip + (ip1.check() + ip2.check()) / 2;
                    ratios.add(vlinkd / ip);
                    checkedRatios.add(vlinkd / ipChecked);
                    writeRatios.add(counting.writeNanos / 1e6 / ip);
                    System.out.printf("round %d: vlinkd %.1f ms (writes %.1f, dumps %.1f, the rest: decode, plan, "
                            + "encode, verify, state file %.1f; %d writes); ip -batch %.1f ms before and %.1f ms "
                            + "after, each then checked by ip -d -j link show in %.1f / %.1f ms; ratio %.2f to "
                            + "ip -batch, %.2f to ip -batch + ip -d -j link show, %.2f writes only%n", round, vlinkd,
                            counting.writeNanos / 1e6, counting.observeNanos / 1e6,
                            vlinkd - (counting.writeNanos + counting.observeNanos) / 1e6, counting.writes, ip1.batch(),
                            ip2.batch(), ip1.check(), ip2.check(), vlinkd / ip, vlinkd / ipChecked, counting.writeNanos / 1e6 / ip);
                } finally {
                    for (String ns : namespaces) {
                        run("ip", "netns", "del", ns);
                    }
                }
                if (round < rounds) {
                    Thread.sleep(teardownMillis(n));
                }
            }
        } finally {
            Files.delete(batch);
        }
        System.out.printf("%s, %s, median of %d round(s): vlinkd's whole apply (observe, plan, pipelined writes, "
                + "re-dump and verify, state file) / ip -batch %.2f; / (ip -batch + ip -d -j link show) %.2f; "
                + "vlinkd's pipelined writes alone / ip -batch %.2f%n", what,
                firstApply ? "first apply of a fresh JVM" : "warm JVM", rounds, median(ratios),
                median(checkedRatios), median(writeRatios));
    }

    static final int ROUNDS = 3;
    /** No-op rounds: the first {@link #NOOP_WARM_UP} compile the path (a daemon that has run a while has). */
    static final int NOOP_ROUNDS = 15;
    static final int NOOP_WARM_UP = 5;

    /** One timed {@code Reconciler.apply}: its wall time, and what the port counted during it. */
    private record TimedApply(double millis, Counting counts) {
    }

    /** One timed {@code Reconciler.apply} in a fresh namespace. */
    private static TimedApply vlinkdApply(DesiredState d, List<String> namespaces) throws Exception {
        String ns = newNamespace();
        namespaces.add(ns);
        try (NetlinkKernelPort port = NetlinkKernelPort.open(Netns.named(ns))) {
            Counting counting = new Counting(port);
            Reconciler rec = reconciler(counting);
            long t0 = System.nanoTime();
            ApplyResult r = rec.apply(d);
            long t1 = System.nanoTime();
            if (!r.succeeded()) {
                throw new IllegalStateException("apply failed: " + r.errors());
            }
            return new TimedApply((t1 - t0) / 1e6, counting);
        }
    }

    /**
     * The kernel tears a deleted namespace's links down in the background, ~16 ms a bridge or a veth pair (the
     * peer goes with it; FACTS.md): three namespaces a round.
     */
    private static long teardownMillis(int n) {
        return 3L * n * 16;
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    }

    /** The times of {@code ip -batch} and of the {@code ip -d -j link show} that checks it, in ms. */
    private record IpRun(double batch, double check) {
    }

    /** ip -batch in a fresh namespace, then the dump an operator would check it with. */
    private static IpRun ipBatch(Path batch, List<String> namespaces) throws Exception {
        String ns = newNamespace();
        namespaces.add(ns);
        long b0 = System.nanoTime();
        run("ip", "-n", ns, "-batch", batch.toString());
        long b1 = System.nanoTime();
        run("ip", "-n", ns, "-d", "-j", "link", "show");
        long b2 = System.nanoTime();
        return new IpRun((b1 - b0) / 1e6, (b2 - b1) / 1e6);
    }

    /**
     * Brings the JVM to the state of a daemon that has reconciled before: the planner, encoder and verifier run
     * against the in-memory kernel for the same desired state, then the netlink path (batches, dumps, decoding)
     * against a real namespace of 200 links with a few no-op reconciles. The namespace is deleted and its
     * teardown, which holds the rtnl lock, is waited out before anything is timed.
     */
    static void warmUp(int n, boolean veth) throws Exception {
        DesiredState d = desired(n, veth);
        for (int round = 0; round < 10; round++) {
            reconciler(new FakeKernel()).apply(d);
        }
        String warm = newNamespace();
        try (NetlinkKernelPort port = NetlinkKernelPort.open(Netns.named(warm))) {
            Reconciler rec = reconciler(port);
            DesiredState small = desired(200, veth);
            for (int round = 0; round < 10; round++) {
                rec.apply(small);
            }
        }
        run("ip", "netns", "del", warm);
        Thread.sleep(10_000);
    }

    static void noop(int n) throws Exception {
        String ns = newNamespace();
        try (NetlinkKernelPort port = NetlinkKernelPort.open(Netns.named(ns))) {
            Counting counting = new Counting(port);
            Reconciler rec = reconciler(counting);
            DesiredState d = desired(n, false);
            ApplyResult first = rec.apply(d);
            if (!first.succeeded()) {
                throw new IllegalStateException("apply failed: " + first.errors());
            }
            // Alternated with what an operator would run to look at the same links (`ip -d link show`, output
            // discarded): the ratio of the medians is the figure (issue 14: at most 0.3).
            List<Double> vlinkd = new ArrayList<>();
            List<Double> ip = new ArrayList<>();
            for (int round = 1; round <= NOOP_ROUNDS; round++) {
                int before = counting.writes;
                int dumps = port.fullDumps();
                long t0 = System.nanoTime();
                ApplyResult again = rec.apply(d);
                long t1 = System.nanoTime();
                run("ip", "-n", ns, "-d", "link", "show");
                long t2 = System.nanoTime();
                if (round > NOOP_WARM_UP) {
                    vlinkd.add((t1 - t0) / 1e6);
                    ip.add((t2 - t1) / 1e6);
                }
                System.out.printf("no-op reconcile over %d links (run %d): %.1f ms, outcome %s, %d writes, %d full"
                                + " dumps; ip -d link show: %.1f ms%n", n + 1, round, (t1 - t0) / 1e6,
                        again.outcome(), counting.writes - before, port.fullDumps() - dumps, (t2 - t1) / 1e6);
            }
            System.out.printf("no-op reconcile / ip -d link show, medians of runs %d-%d: %.1f / %.1f ms = %.2f%n",
                    NOOP_WARM_UP + 1, NOOP_ROUNDS,
                    median(vlinkd), median(ip), median(vlinkd) / median(ip));
        }
        run("ip", "netns", "del", ns);
    }

    static void drift(int m) throws Exception {
        String ns = newNamespace();
        DesiredState d = desired(10, false);
        try (NetlinkKernelPort port = NetlinkKernelPort.open(Netns.named(ns));
             NetlinkSocket vandal = NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named(ns));
             EventSocket watcherEvents = EventSocket.subscribe(Netns.named(ns), Rtnl.RTNLGRP_LINK,
                     Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR, Rtnl.RTNLGRP_IPV4_ROUTE,
                     Rtnl.RTNLGRP_IPV6_ROUTE);
             EventSocket observer = EventSocket.subscribe(Netns.named(ns), Rtnl.RTNLGRP_LINK)) {
            Path dir = Files.createTempDirectory("vlinkd-bench");
            OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
            Reconciler rec = new Reconciler(port, store, new Planner(), 20, Duration.ofMillis(20));
            rec.apply(d);
            // The daemon hands each detection to its loop thread; here the repair runs on the watcher's thread.
            DriftWatcher watcher = new DriftWatcher(port, store, () -> d, watcherEvents::poll, Duration.ZERO,
                    what -> {
                        try {
                            rec.apply(d);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            Thread t = new Thread(watcher, "drift-watch");
            t.setDaemon(true);
            t.start();
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                String victim = "br" + (i % 10);
                int index = port.observe().link(victim).orElseThrow().index();
                while (!observer.poll(Duration.ofMillis(1)).isEmpty()) {
                    // drain
                }
                // Timed from the moment the delete is sent: the kernel acknowledges a bridge's deletion only after
                // its RCU teardown (netdev_run_todo), by when the watcher may already have re-created it.
                long t0 = System.nanoTime();
                vandal.execute(LinkRequests.delete(index, victim));
                boolean back = false;
                while (!back) {
                    for (NlMessage msg : observer.poll(Duration.ofSeconds(10))) {
                        if (msg.type() == Rtnl.RTM_NEWLINK) {
                            LinkMessage lm = LinkMessage.decode(msg);
                            back |= victim.equals(lm.name()) && lm.index() != index;
                        }
                    }
                    if (System.nanoTime() - t0 > 10_000_000_000L) {
                        throw new IllegalStateException(victim + " not re-created within 10 s");
                    }
                }
                latencies.add((System.nanoTime() - t0) / 1e6);
                Thread.sleep(30); // let the watcher finish its verify before the next deletion
            }
            watcher.stop();
            Collections.sort(latencies);
            System.out.printf("drift repair over %d deletions: median %.1f ms, worst %.1f ms, best %.1f ms%n", m,
                    latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1), latencies.get(0));
        }
        run("ip", "netns", "del", ns);
    }
}
