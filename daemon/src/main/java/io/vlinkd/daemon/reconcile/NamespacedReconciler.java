package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.daemon.state.OwnershipStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reconcile across network namespaces: the config's interfaces may live in named namespaces ({@code netns:}),
 * and a veth's or vxcan's peer in another one ({@code peer-netns:}).
 *
 * <p>Design: the core stays single-namespace. {@link NamespacePartition} splits the desired state by namespace
 * (the own one, plus each named one the config or the ownership ledger names); each named namespace gets its own
 * {@link KernelPort}, whose socket is inside it, and its own partition of the ledger
 * ({@link OwnershipStore#inNetns}); each part is planned, applied, verified and, on failure, reverted by a plain
 * {@link Reconciler}. This class orders the parts (a namespace that creates a pair before the one holding the
 * peer's entry), makes the whole all-or-nothing (a failure in one namespace rolls back those applied before it,
 * then checks each is as it was), and combines the results. With {@code on-error: isolate}, namespaces are
 * independent branches: a failed one is reverted alone.
 *
 * <p>Ports into named namespaces are opened for one call and closed after it: an open socket keeps a namespace
 * alive, and a container runtime that deletes one must see it go. Drift in a named namespace is repaired when a
 * reconcile runs (each re-observes every namespace); notifications are subscribed in the own namespace only.
 */
public final class NamespacedReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(NamespacedReconciler.class);

    private final Reconciler own;
    private final OwnershipStore ownStore;
    private final String ownName;
    private final Namespaces namespaces;
    private final BiFunction<KernelPort, OwnershipStore, Reconciler> reconcilers;

    /** Reaches named namespaces: {@code /run/netns/NAME} on the host, fake kernels in tests. */
    public interface Namespaces {

        boolean exists(String netns);

        /** A port whose socket is inside {@code netns}, closed by {@link Opened#close()}. */
        Opened open(String netns) throws KernelException;
    }

    /** An open port into a named namespace. */
    public record Opened(KernelPort port, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                LOG.warn("closing a port: {}", e.getMessage());
            }
        }
    }

    /**
     * @param own         the reconciler of the own namespace, kept for the life of the process
     * @param ownStore    its ledger partition; the other partitions of the same file hold the named namespaces'
     * @param ownName     the own namespace's name when it is a named one ({@code apply --once --netns}), or null
     * @param reconcilers makes the reconciler of a named namespace from its port and ledger partition
     */
    public NamespacedReconciler(Reconciler own, OwnershipStore ownStore, String ownName, Namespaces namespaces,
                                BiFunction<KernelPort, OwnershipStore, Reconciler> reconcilers) {
        this.own = own;
        this.ownStore = ownStore;
        this.ownName = ownName;
        this.namespaces = namespaces;
        this.reconcilers = reconcilers;
    }

    /** The own namespace's reconciler (drift repair shares it, so repairs and reloads never run at once). */
    public Reconciler own() {
        return own;
    }

    private NamespacePartition partition(DesiredState desired) throws IOException {
        return NamespacePartition.of(desired, ownStore.namespaces(), ownName);
    }

    /** The plans that {@link #apply} would start from now. Sends no write. */
    public synchronized NamespacedPlan plan(DesiredState desired) throws KernelException, IOException {
        return plan(desired, false);
    }

    /** {@link #plan} of the running config (drift: report): the own namespace's part goes through {@link Reconciler#check}. */
    public synchronized NamespacedPlan check(DesiredState running) throws KernelException, IOException {
        return plan(running, true);
    }

    private NamespacedPlan plan(DesiredState desired, boolean running) throws KernelException, IOException {
        NamespacePartition partition = partition(desired);
        if (partition.ownOnly()) {
            return NamespacedPlan.single(running ? own.check(desired) : own.plan(desired));
        }
        List<NamespacedPlan.Part> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (NamespacePartition.Part p : partition.parts()) {
            if (p.netns() == null) {
                parts.add(new NamespacedPlan.Part(null, running ? own.check(p.desired()) : own.plan(p.desired())));
            } else if (!namespaces.exists(p.netns())) {
                notes.add(missing(p));
            } else {
                try (Opened o = namespaces.open(p.netns())) {
                    parts.add(new NamespacedPlan.Part(p.netns(), reconciler(o, p.netns()).plan(p.desired())));
                }
            }
        }
        return new NamespacedPlan(parts, notes);
    }

    private static String missing(NamespacePartition.Part p) {
        return p.desired().links().isEmpty()
                ? "netns " + p.netns() + " no longer exists: the links vlinkd created there went with it"
                : "netns " + p.netns() + " does not exist";
    }

    private Reconciler reconciler(Opened o, String netns) {
        return reconcilers.apply(o.port(), ownStore.inNetns(netns));
    }

    /**
     * Repairs the drift the daemon's own namespace reported on {@code links} ({@link Reconciler#repair}). A config or
     * ledger with links in named namespaces is repaired whole ({@link #apply}): those are reconciled through ports
     * opened for the call, and nothing watches them for drift but this re-read.
     */
    public synchronized NamespacedResult repair(DesiredState running, java.util.Set<String> links)
            throws KernelException, IOException {
        if (!partition(running).ownOnly()) {
            return apply(running);
        }
        ApplyResult r = own.repair(running, links);
        return new NamespacedResult(r, List.of(new NamespacedResult.Part(null, r)));
    }

    /**
     * Plans, applies and verifies every namespace in order; on a failure, reverts it (its reconciler does) and
     * every namespace applied before it, last first, and checks each is back to its state before the apply.
     */
    public synchronized NamespacedResult apply(DesiredState desired) throws KernelException, IOException {
        NamespacePartition partition = partition(desired);
        if (partition.ownOnly()) {
            ApplyResult r = own.apply(desired);
            return new NamespacedResult(r, List.of(new NamespacedResult.Part(null, r)));
        }
        Map<String, Opened> opened = new LinkedHashMap<>();
        try {
            List<NamespacePartition.Part> parts = new ArrayList<>();
            List<StepError> missing = new ArrayList<>();
            for (NamespacePartition.Part p : partition.parts()) {
                if (p.netns() == null) {
                    parts.add(p);
                } else if (namespaces.exists(p.netns())) {
                    opened.put(p.netns(), namespaces.open(p.netns()));
                    parts.add(p);
                } else if (p.desired().links().isEmpty()) {
                    forget(p.netns());
                } else {
                    for (DesiredLink d : p.desired().links()) {
                        missing.add(new StepError(null, d.name() + ": network namespace " + p.netns()
                                + " does not exist", null, d.where()));
                    }
                }
            }
            if (!missing.isEmpty()) {
                missing.forEach(e -> LOG.error("refused: {}", e));
                return refused(missing);
            }
            return applyInOrder(desired, parts, opened);
        } finally {
            opened.values().forEach(Opened::close);
        }
    }

    /** A recorded namespace that is gone took its virtual links with it: its ledger partition is dropped. */
    private void forget(String netns) throws IOException {
        OwnershipStore store = ownStore.inNetns(netns);
        List<String> names = store.load().links().stream().map(OwnedLink::name).toList();
        LOG.warn("netns {} no longer exists; forgetting the links vlinkd created there (the kernel deleted them with"
                + " it): {}", netns, String.join(", ", names));
        store.save(Ownership.none());
    }

    private NamespacedResult refused(List<StepError> errors) {
        ApplyResult r = new ApplyResult(ApplyResult.Outcome.REFUSED, null, List.of(), errors,
                AppliedChange.composite(List.of(), List::of));
        return new NamespacedResult(r, List.of());
    }

    private Reconciler reconcilerOf(String netns, Map<String, Opened> opened) {
        return netns == null ? own : reconciler(opened.get(netns), netns);
    }

    private KernelPort portOf(String netns, Map<String, Opened> opened) {
        return netns == null ? own.port() : opened.get(netns).port();
    }

    private NamespacedResult applyInOrder(DesiredState desired, List<NamespacePartition.Part> parts,
                                          Map<String, Opened> opened) throws KernelException, IOException {
        // Every plan is checked first: a refusal (a foreign interface in the way, a cycle) sends nothing anywhere.
        List<StepError> refusals = new ArrayList<>();
        for (NamespacePartition.Part p : parts) {
            Plan plan = reconcilerOf(p.netns(), opened).plan(p.desired());
            for (PlanProblem pp : plan.problems()) {
                StepError e = new StepError(null, NamespacedPlan.prefix(p.netns()) + pp.link() + ": " + pp.message(),
                        null, pp.where());
                LOG.error("refused: {}", e);
                refusals.add(e);
            }
        }
        if (!refusals.isEmpty()) {
            return refused(refusals);
        }
        boolean isolate = desired.settings().onError() == DaemonSettings.OnError.ISOLATE;
        List<NamespacedResult.Part> done = new ArrayList<>();
        Map<String, ObservedState.Snapshot> before = new LinkedHashMap<>();
        NamespacedResult.Part failed = null;
        for (NamespacePartition.Part p : parts) {
            before.put(p.netns(), portOf(p.netns(), opened).observe().snapshot());
            if (p.netns() != null) {
                LOG.debug("netns {}: reconciling {} interface(s)", p.netns(), p.desired().links().size());
            }
            ApplyResult r = reconcilerOf(p.netns(), opened).apply(p.desired());
            NamespacedResult.Part part = new NamespacedResult.Part(p.netns(), r);
            if (!r.succeeded() && !isolate) {
                failed = part;
                break;
            }
            done.add(part);
        }
        List<StepError> errors = new ArrayList<>();
        ApplyResult.Outcome outcome;
        List<NamespacedResult.Part> kept = new ArrayList<>(done);
        if (failed == null) {
            done.forEach(d -> errors.addAll(d.errors()));
            if (isolate) {
                kept.removeIf(d -> !d.result().succeeded() && d.result().outcome() != ApplyResult.Outcome.PARTIAL);
            }
            outcome = combined(done);
        } else {
            errors.addAll(failed.errors());
            done.forEach(d -> errors.addAll(d.errors()));
            LOG.error("{}apply failed; reverting what was applied before it in {}", NamespacedPlan.prefix(
                    failed.netns()), done.stream().map(d -> d.netns() == null ? "the own namespace"
                    : "netns " + d.netns()).reduce((a, b) -> a + ", " + b).orElse("no other namespace"));
            boolean restored = failed.result().outcome() != ApplyResult.Outcome.REVERT_FAILED;
            for (int i = done.size() - 1; i >= 0; i--) {
                NamespacedResult.Part d = done.get(i);
                List<StepError> back = d.result().change().rollback();
                back.forEach(e -> errors.add(d.located(e)));
                ObservedState.Snapshot now = portOf(d.netns(), opened).observe().snapshot();
                if (!back.isEmpty() || !now.equals(before.get(d.netns()))) {
                    restored = false;
                    if (back.isEmpty()) {
                        errors.add(new StepError(null, NamespacedPlan.prefix(d.netns()) + "the revert did not restore"
                                + " the state before the apply", null, null));
                    }
                }
            }
            kept.clear();
            outcome = !restored ? ApplyResult.Outcome.REVERT_FAILED
                    : failed.result().outcome() == ApplyResult.Outcome.REFUSED && done.stream()
                    .allMatch(d -> d.result().kept().isEmpty()) ? ApplyResult.Outcome.REFUSED
                    : ApplyResult.Outcome.ROLLED_BACK;
            LOG.error("apply failed across namespaces; {}", outcome == ApplyResult.Outcome.REVERT_FAILED
                    ? "REVERT INCOMPLETE: check the errors" : "every namespace reverted, state restored");
        }
        List<Step> keptSteps = new ArrayList<>();
        List<List<Step>> waves = new ArrayList<>();
        for (NamespacedResult.Part k : kept) {
            keptSteps.addAll(k.result().kept());
            waves.addAll(k.result().change().waves());
        }
        List<NamespacedResult.Part> undo = List.copyOf(kept);
        AppliedChange change = AppliedChange.composite(waves, () -> rollback(undo));
        List<NamespacedResult.Part> all = failed == null ? done : append(done, failed);
        Plan ownPlan = all.get(0).result().plan();
        return new NamespacedResult(new ApplyResult(outcome, ownPlan, keptSteps, errors, change),
                failed == null ? all : append(kept, failed));
    }

    private static List<NamespacedResult.Part> append(List<NamespacedResult.Part> parts, NamespacedResult.Part p) {
        List<NamespacedResult.Part> out = new ArrayList<>(parts);
        out.add(p);
        return out;
    }

    private static ApplyResult.Outcome combined(List<NamespacedResult.Part> parts) {
        boolean anyFailed = parts.stream().anyMatch(p -> !p.result().succeeded());
        if (parts.stream().anyMatch(p -> p.result().outcome() == ApplyResult.Outcome.REVERT_FAILED)) {
            return ApplyResult.Outcome.REVERT_FAILED;
        }
        if (anyFailed) {
            return parts.stream().anyMatch(p -> !p.result().kept().isEmpty()) ? ApplyResult.Outcome.PARTIAL
                    : ApplyResult.Outcome.ROLLED_BACK;
        }
        return parts.stream().allMatch(p -> p.result().outcome() == ApplyResult.Outcome.UNCHANGED)
                ? ApplyResult.Outcome.UNCHANGED : ApplyResult.Outcome.APPLIED;
    }

    /** Undoes a kept change across namespaces later ({@code --confirm-timeout}): last namespace first. */
    private synchronized List<StepError> rollback(List<NamespacedResult.Part> parts)
            throws KernelException, IOException {
        List<StepError> errors = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            NamespacedResult.Part p = parts.get(i);
            if (p.result().change().isEmpty()) {
                continue;
            }
            if (p.netns() == null) {
                p.result().change().rollback().forEach(e -> errors.add(p.located(e)));
                continue;
            }
            if (!namespaces.exists(p.netns())) {
                errors.add(new StepError(null, missing(new NamespacePartition.Part(p.netns(), DesiredState.empty()))
                        + "; nothing to revert there", null, null));
                continue;
            }
            try (Opened o = namespaces.open(p.netns())) {
                p.result().change().through(reconciler(o, p.netns())).rollback()
                        .forEach(e -> errors.add(p.located(e)));
            }
        }
        return errors;
    }
}
