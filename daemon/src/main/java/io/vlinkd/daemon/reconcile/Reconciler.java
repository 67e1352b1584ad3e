package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.Adoption;
import io.vlinkd.daemon.resource.link.LinkOwnership;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a reconcile (BRIEF.md, "The flow of one reconcile"): observe, plan, apply in pipelined waves
 * with a journal of done steps, re-dump and verify, and on any failure revert the done steps and verify the
 * revert. One reconcile runs at a time.
 *
 * <p>Each step is logged on one line: interface, operation, config location, equivalent command, and the
 * kernel's message when it failed. Each error is logged here once, when it happens, and nowhere else: callers
 * summarize the outcome with {@link ApplyResult#summary()}, which counts errors instead of quoting them.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final KernelPort port;
    private final OwnershipStore store;
    private final Planner planner;
    /**
     * Plans the scoped drift repairs ({@link #repair}): the planner carries each link's comparisons from one plan to
     * the next, and a plan of a few links would drop those of the whole config's.
     */
    private final Planner scopedPlanner = new Planner();
    /** The connections of the config last repaired with a scope: the running config, the same until a reload. */
    private RepairScope.Connections connections;
    /** {@code settings.route-protocol} of the last apply (what a later rollback of it prunes by). */
    private volatile int protocol = Planner.VLINKD_PROTOCOL;
    private final int verifyAttempts;
    private final Duration verifyDelay;
    private volatile Observer observer = (running, observed, owned) -> { };

    /**
     * Hears of the observations the reconciler makes of a config that is now the running one: the last one of
     * each apply that succeeded, and the one of each {@link #check}. Called on the reconciler's thread, inside it.
     */
    public interface Observer {
        void observed(DesiredState running, ObservedState observed, Ownership owned);
    }

    public Reconciler(KernelPort port, OwnershipStore store) {
        this(port, store, new Planner(), 5, Duration.ofMillis(100));
    }

    /**
     * @param verifyAttempts how many re-dumps verification takes before it gives up (the kernel settles some
     *                       things asynchronously: operstate, carrier, IPv6 DAD)
     */
    public Reconciler(KernelPort port, OwnershipStore store, Planner planner, int verifyAttempts,
                      Duration verifyDelay) {
        this.port = port;
        this.store = store;
        this.planner = planner;
        this.verifyAttempts = verifyAttempts;
        this.verifyDelay = verifyDelay;
    }

    /** The port of this reconciler's namespace. */
    KernelPort port() {
        return port;
    }

    /** The plan that {@link #apply} would run now. Sends no write. */
    public synchronized Plan plan(DesiredState desired) throws KernelException, IOException {
        ObservedState now = port.observe();
        Ownership recorded = WriteAhead.resolve(store.load(), now).ownership();
        return planner.plan(desired, now, Claims.claim(desired, now, Adoption.adopt(desired, now, recorded)));
    }

    /**
     * The ledger as this apply starts: repaired when damaged ({@link OwnershipStore#loadAndRepair()}), and the
     * intents a crashed run left resolved against the kernel ({@link WriteAhead#resolve}), saved when that changed it.
     */
    private Ownership recorded(ObservedState now) throws IOException {
        Ownership loaded = store.loadAndRepair();
        WriteAhead.Resolution r = WriteAhead.resolve(loaded, now);
        if (!r.ownership().equals(loaded)) {
            LOG.warn("{}: {}", store.file(), r.summary());
            store.save(r.ownership());
        }
        return r.ownership();
    }

    /** Sets the one {@link Observer} (the foreign-object report). */
    public void observeWith(Observer o) {
        this.observer = o;
    }

    /**
     * {@link #plan} of the running config ({@code drift: report}): its observation also goes to the observer, as
     * the one that ends an apply does. Sends no write.
     */
    public synchronized Plan check(DesiredState running) throws KernelException, IOException {
        ObservedState now = port.observe();
        Ownership owned = Claims.claim(running, now, store.load());
        observer.observed(running, now, owned);
        return planner.plan(running, now, owned);
    }

    /** Plans, applies, verifies; reverts everything (or the failed branches, {@code on-error: isolate}). */
    public synchronized ApplyResult apply(DesiredState desired) throws KernelException, IOException {
        ObservedState before = port.observe();
        return apply(desired, before, recorded(before), null);
    }

    /**
     * Repairs drift of the running config that concerned {@code links}: plans, applies and verifies only them and
     * what is connected to them ({@link RepairScope}), or the whole config when scoping is not safe for it. The
     * periodic re-read, a reload and lost notifications repair the whole config ({@link #apply}).
     */
    public synchronized ApplyResult repair(DesiredState running, Set<String> links)
            throws KernelException, IOException {
        ObservedState before = port.observe();
        Ownership recorded = recorded(before);
        if (connections == null || connections.desired() != running) {
            connections = new RepairScope.Connections(running);
        }
        RepairScope scope = RepairScope.of(connections, before, links).orElse(null);
        if (scope != null) {
            LOG.debug("drift repair of {}: plans {} interface(s) (the config has {} entries)", links,
                    scope.names().size(), running.links().size());
        }
        return apply(running, before, recorded, scope);
    }

    /**
     * {@link #apply} of {@code running}, or of its part in the scope of {@code repair} (null: all of it). {@code full} is the whole
     * ledger as read: a scoped apply plans with its part ({@link RepairScope#narrow}) and saves it whole again.
     */
    private ApplyResult apply(DesiredState running, ObservedState before, Ownership full, RepairScope repair)
            throws KernelException, IOException {
        DesiredState desired = repair == null ? running : repair.desired();
        Planner planner = repair == null ? this.planner : scopedPlanner;
        Ownership recorded = repair == null ? full : repair.narrow(full, before);
        java.util.function.UnaryOperator<Ownership> whole = repair == null ? o -> o : o -> repair.widen(o, full);
        Ownership owned = Claims.claim(desired, before, Adoption.adopt(desired, before, recorded));
        protocol = desired.settings().routeProtocol();
        Plan plan = planner.plan(desired, before, owned);
        if (!plan.isApplicable()) {
            List<StepError> errors = new ArrayList<>();
            for (PlanProblem p : plan.problems()) {
                LOG.error("{}: refused: {}{}", p.link(), p.message(), p.where() == null ? "" : " [" + p.where() + "]");
                errors.add(new StepError(null, p.link() + ": " + p.message(), null, p.where()));
            }
            return new ApplyResult(ApplyResult.Outcome.REFUSED, plan, List.of(), errors,
                    new AppliedChange(List.of(), whole.apply(owned), this));
        }
        plan.notes().forEach(n -> LOG.info("{}", n));
        if (plan.isEmpty()) {
            LOG.debug("nothing to change");
            observer.observed(running, before, whole.apply(owned));
            if (!owned.equals(recorded)) {
                store.save(whole.apply(owned)); // adopted links that already were as configured
            }
            return new ApplyResult(ApplyResult.Outcome.UNCHANGED, plan, List.of(), List.of(),
                    new AppliedChange(List.of(), whole.apply(owned), this));
        }
        boolean isolate = desired.settings().onError() == DaemonSettings.OnError.ISOLATE;

        List<List<Step>> journal = new ArrayList<>();
        List<StepError> errors = new ArrayList<>();
        Set<Integer> failedBranches = new HashSet<>();
        ObservedState state = before;
        Ownership ledger = recorded; // what the ledger file says now
        for (int w = 0; w < plan.waves().size(); w++) {
            List<Step> wave = plan.waves().get(w);
            List<Outgoing> outgoing = new ArrayList<>();
            ObservedContext ctx = new ObservedContext(state, port);
            for (Step s : wave) {
                if (isolate && failedBranches.contains(plan.branchOf(s))) {
                    LOG.warn("{}: {}: skipped, its branch failed", s.link(), s.operation());
                    continue;
                }
                try {
                    outgoing.add(new Outgoing(s, s.write(ctx), null));
                } catch (IllegalArgumentException e) {
                    fail(errors, failedBranches, plan, new StepError(s, e.getMessage(), null, s.where()));
                }
            }
            outgoing = batchFirst(outgoing);
            if (outgoing.stream().anyMatch(o -> o.step() instanceof Step.CreateLink)) {
                // Write-ahead: a crash after the requests leaves intents that the next start resolves.
                List<Step> doneSoFar = journal.stream().flatMap(List::stream).toList();
                ledger = WriteAhead.intend(ownershipAfter(owned, doneSoFar, state, protocol), steps(outgoing),
                        state);
                store.saveIntents(whole.apply(ledger));
            }
            List<WriteResult> results = execute(outgoing);
            List<Step> done = new ArrayList<>();
            for (int i = 0; i < outgoing.size(); i++) {
                Step s = outgoing.get(i).step();
                WriteResult r = results.get(i);
                if (r.succeeded()) {
                    done.add(s);
                    LOG.info("{}: {}{}: {}", s.link(), r.done(s.operation()), at(s), s.ipCommand());
                } else {
                    fail(errors, failedBranches, plan, StepError.of(s, r.error(), state));
                }
            }
            journal.add(done);
            if (!errors.isEmpty() && !isolate) {
                break;
            }
            // Later waves need the indexes of links this one created; the last wave's are read by verify.
            if (changesIndexes(done) && w < plan.waves().size() - 1) {
                state = port.observe();
            }
        }

        Ownership afterOwned;
        ObservedState last = null;
        List<Step> revertedInverses = List.of();
        if (errors.isEmpty() || isolate) {
            Set<String> failedNames = namesOf(plan, failedBranches);
            Verification v = verify(planner, desired, owned, journal, failedNames);
            last = v.observed();
            for (Step s : v.pending()) {
                StepError e = new StepError(s, "not converged after apply: still needs " + s.ipCommand(), null,
                        s.where());
                fail(errors, failedBranches, plan, e);
                if (!isolate) {
                    failedBranches.add(-1);
                }
            }
        }
        ApplyResult.Outcome outcome;
        List<List<Step>> kept = journal;
        if (errors.isEmpty()) {
            outcome = ApplyResult.Outcome.APPLIED;
        } else {
            List<List<Step>> toRevert = new ArrayList<>();
            kept = new ArrayList<>();
            for (List<Step> wave : journal) {
                List<Step> back = new ArrayList<>();
                List<Step> keep = new ArrayList<>();
                for (Step s : wave) {
                    (!isolate || failedBranches.contains(plan.branchOf(s)) ? back : keep).add(s);
                }
                toRevert.add(back);
                kept.add(keep);
            }
            last = null;
            List<StepError> revertErrors = revert(toRevert);
            revertedInverses = inversesOf(toRevert);
            errors.addAll(revertErrors);
            boolean restored = revertErrors.isEmpty();
            if (restored) {
                // All-or-nothing: the whole state is as before. Isolate: the interfaces of the failed branches are
                // (the other branches keep what was applied to them).
                Set<String> scope = isolate ? namesOf(plan, failedBranches) : null;
                last = port.observe(); // also what the ownership below is computed from
                ObservedState.Snapshot was = before.snapshot().about(scope);
                ObservedState.Snapshot now = last.snapshot().about(scope);
                if (!was.equals(now)) {
                    restored = false;
                    StepError e = new StepError(null, "the revert did not restore the state before the apply: "
                            + describeDifference(was, now), null, null);
                    errors.add(e);
                    LOG.error("{}", e);
                }
            }
            outcome = !restored ? ApplyResult.Outcome.REVERT_FAILED
                    : isolate && kept.stream().anyMatch(w -> !w.isEmpty()) ? ApplyResult.Outcome.PARTIAL
                    : ApplyResult.Outcome.ROLLED_BACK;
        }
        List<Step> keptFlat = kept.stream().flatMap(List::stream).toList();
        // Adoptions count when the apply is kept; a rolled-back apply leaves ownership as it was.
        Ownership base = outcome == ApplyResult.Outcome.APPLIED || outcome == ApplyResult.Outcome.PARTIAL ? owned
                : recorded;
        if (!keptFlat.isEmpty() || !revertedInverses.isEmpty()) {
            ObservedState now = last != null ? last : port.observe();
            afterOwned = afterRevert(ownershipAfter(base, keptFlat, now, protocol), base, revertedInverses, now,
                    protocol);
        } else {
            afterOwned = base;
        }
        if (!afterOwned.equals(ledger)) {
            store.save(whole.apply(afterOwned));
        }
        if (outcome == ApplyResult.Outcome.APPLIED && last != null) {
            observer.observed(running, last, whole.apply(afterOwned));
        }
        return new ApplyResult(outcome, plan, keptFlat, errors, new AppliedChange(kept, whole.apply(owned), this));
    }

    /** Reverts a change that was applied and kept ({@link AppliedChange#rollback()}). */
    synchronized List<StepError> rollback(AppliedChange change) throws KernelException, IOException {
        Ownership owned = recorded(port.observe());
        List<StepError> errors = revert(change.waves());
        Ownership after = afterRevert(owned, change.ownedBefore(), inversesOf(change.waves()), port.observe(),
                protocol);
        if (!after.equals(owned)) {
            store.save(after);
        }
        return errors;
    }

    private static List<Step> inversesOf(List<List<Step>> waves) {
        List<Step> inverses = new ArrayList<>();
        for (int w = waves.size() - 1; w >= 0; w--) {
            List<Step> wave = waves.get(w);
            for (int i = wave.size() - 1; i >= 0; i--) {
                inverses.addAll(wave.get(i).inverse());
            }
        }
        return inverses;
    }

    /**
     * Ownership after a revert: links the revert deleted are no longer owned; a link the revert re-created is
     * owned again, under its new index, only if vlinkd owned it before the apply (a foreign link deleted by
     * {@code state: absent} and restored by the revert stays foreign).
     */
    static Ownership afterRevert(Ownership current, Ownership before, List<Step> inverses, ObservedState now,
                                 int protocol) {
        Ownership o = ownershipAfter(current, inverses, now, protocol);
        List<OwnedLink> keep = LinkOwnership.keptByRevert(o.links(), current, before);
        // Addresses and the other objects: what was vlinkd's before or after the apply, as far as the kernel still
        // has it (a revert re-adds what the apply deleted and deletes what it added).
        return Claims.present(Claims.union(Ownership.of(keep), before, o), now, protocol);
    }

    private void fail(List<StepError> errors, Set<Integer> failedBranches, Plan plan, StepError e) {
        errors.add(e);
        if (e.step() != null) {
            failedBranches.add(plan.branchOf(e.step()));
        }
        LOG.error("{}", e);
    }

    private static String at(Step s) {
        return s.where() == null ? "" : " [" + s.where() + "]";
    }

    private static boolean changesIndexes(List<Step> steps) {
        return steps.stream().anyMatch(s -> s instanceof Step.CreateLink || s instanceof Step.DeleteLink);
    }

    private static Set<String> namesOf(Plan plan, Set<Integer> branches) {
        Set<String> out = new HashSet<>();
        plan.branches().forEach((name, b) -> {
            if (branches.contains(b)) {
                out.add(name);
            }
        });
        return out;
    }

    /**
     * Re-dumps and re-plans: a converged apply leaves nothing to do. Retried a few times for what the kernel
     * settles asynchronously. Steps on {@code ignored} interfaces (failed branches under isolate) do not count.
     */
    private Verification verify(Planner planner, DesiredState desired, Ownership owned, List<List<Step>> journal,
                                Set<String> ignored) throws KernelException {
        List<Step> done = journal.stream().flatMap(List::stream).toList();
        // Only what this apply wrote is verified: someone else's change to another interface while it ran is drift
        // of its own (its notifications bring a repair), not a failure of this apply to revert.
        Set<String> touched = done.stream().map(Step::link).collect(java.util.stream.Collectors.toSet());
        List<Step> pending = List.of();
        ObservedState now = null;
        for (int attempt = 1; attempt <= verifyAttempts; attempt++) {
            now = port.observe();
            Plan again = planner.plan(desired, now, ownershipAfter(owned, done, now, protocol));
            pending = again.steps().stream()
                    .filter(s -> !ignored.contains(s.link()) && touched.contains(s.link())).toList();
            if (pending.isEmpty() && again.problems().stream().noneMatch(p -> touched.contains(p.link()))) {
                return new Verification(List.of(), now);
            }
            if (attempt < verifyAttempts) {
                LOG.debug("verify: attempt {} still needs {}{}", attempt,
                        pending.stream().map(Step::ipCommand).toList(), again.problems());
                sleep();
            }
        }
        return new Verification(pending, now);
    }

    /** What verification still found to do, and the observation it last compared. */
    private record Verification(List<Step> pending, ObservedState observed) {
    }

    /**
     * Runs the inverses of {@code waves}, last wave first. Within a wave the steps were independent, so their
     * inverses are too: the first inverse step of each is sent together, then the second of each, and so on.
     * A deletion that finds its object already gone (the kernel took it along with its link) is not an error.
     */
    private List<StepError> revert(List<List<Step>> waves) throws KernelException {
        List<StepError> errors = new ArrayList<>();
        ObservedState state = port.observe();
        for (int w = waves.size() - 1; w >= 0; w--) {
            List<List<Step>> inverses = new ArrayList<>();
            List<Step> undone = new ArrayList<>(); // the step each entry of inverses undoes
            List<Step> wave = waves.get(w);
            for (int i = wave.size() - 1; i >= 0; i--) {
                List<Step> inv = wave.get(i).inverse();
                if (!wave.get(i).reversible()) {
                    StepError e = new StepError(wave.get(i), "cannot be undone: vlinkd does not know how to "
                            + "re-create this interface", null, wave.get(i).where());
                    errors.add(e);
                    LOG.error("{}", e);
                }
                inverses.add(inv);
                undone.add(wave.get(i));
            }
            int depth = inverses.stream().mapToInt(List::size).max().orElse(0);
            for (int k = 0; k < depth; k++) {
                List<Outgoing> outgoing = new ArrayList<>();
                ObservedContext ctx = new ObservedContext(state, port);
                for (int j = 0; j < inverses.size(); j++) {
                    List<Step> inv = inverses.get(j);
                    if (k < inv.size()) {
                        Step s = inv.get(k);
                        try {
                            outgoing.add(new Outgoing(s, s.write(ctx), undone.get(j)));
                        } catch (IllegalArgumentException e) {
                            if (!isRemoval(s)) {
                                revertFailed(errors, s, undone.get(j), e.getMessage(), null);
                            }
                        }
                    }
                }
                outgoing = batchFirst(outgoing);
                List<WriteResult> results = execute(outgoing);
                for (int i = 0; i < outgoing.size(); i++) {
                    Step s = outgoing.get(i).step();
                    NetlinkException e = results.get(i).error();
                    if (e == null) {
                        LOG.info("{}: revert: {}: {}", s.link(), s.operation(), s.ipCommand());
                    } else if (isRemoval(s) && alreadyGone(e)) {
                        LOG.debug("{}: revert: {}: already gone", s.link(), s.operation());
                    } else {
                        revertFailed(errors, s, outgoing.get(i).undoes(), e.getMessage(), e);
                    }
                }
                if (changesIndexes(steps(outgoing))) {
                    state = port.observe();
                }
            }
        }
        return errors;
    }

    /**
     * Records and logs (once) an inverse step that failed. An inverse step has no config location of its own; the
     * step it undoes has, and the operator needs it to find the interface.
     */
    private static void revertFailed(List<StepError> errors, Step inverse, Step undone, String message,
                                     NetlinkException cause) {
        StepError e = new StepError(inverse, "revert: " + message, cause,
                inverse.where() != null ? inverse.where() : undone.where());
        errors.add(e);
        LOG.error("{}", e);
    }

    /** A step to send, its write, and (in a revert) the step it undoes. */
    private record Outgoing(Step step, Write write, Step undoes) {
    }

    /**
     * The rtnetlink requests first, in their order, then the generic netlink operations: the requests go out as
     * one pipelined batch (a generic netlink operation between them would split it).
     */
    private static List<Outgoing> batchFirst(List<Outgoing> outgoing) {
        List<Outgoing> out = new ArrayList<>(outgoing.size());
        outgoing.stream().filter(o -> o.write() instanceof Write.RtnlRequest).forEach(out::add);
        outgoing.stream().filter(o -> o.write() instanceof Write.GenlOperation).forEach(out::add);
        return out;
    }

    private List<WriteResult> execute(List<Outgoing> outgoing) throws KernelException {
        return outgoing.isEmpty() ? List.of() : port.execute(outgoing.stream().map(Outgoing::write).toList());
    }

    private static List<Step> steps(List<Outgoing> outgoing) {
        return outgoing.stream().map(Outgoing::step).toList();
    }

    private static boolean isRemoval(Step s) {
        return s.phase().compareTo(Phase.DELETE_LINK) <= 0;
    }

    private static boolean alreadyGone(NetlinkException e) {
        return e.errno() == Errno.ENODEV || e.errno() == 3 /* ESRCH */ || e.errno() == Errno.EADDRNOTAVAIL
                || e.errno() == Errno.ENOENT;
    }

    /**
     * Ownership after {@code steps}: links they created are vlinkd's (by their new index), deleted ones are not;
     * objects of every resource type that the config asked for (or vlinkd's own, restored) are vlinkd's, deleted
     * ones are not; restores of someone else's (no config location) change nothing. What {@code now} no longer has
     * as vlinkd's (marked with {@code protocol} where the type marks) is not recorded.
     */
    static Ownership ownershipAfter(Ownership owned, List<Step> steps, ObservedState now, int protocol) {
        java.util.Map<String, ObservedLink> byName = now.byName();
        KernelObject.Ledger ledger = new KernelObject.Ledger(byName, owned);
        for (Step s : steps) {
            // Restores of someone else's objects (no config location) change nothing; an object with a config
            // location is the config's (written with vlinkd's mark where its type has one) or vlinkd's own restored.
            if (s instanceof Step.ObjectChange c) {
                if (c.change() == Step.ObjectChange.Change.DELETE) {
                    c.object().disown(ledger);
                } else if (c.where() != null) {
                    c.object().own(ledger);
                }
            }
        }
        return Claims.present(ledger.recorded(Ownership.of(LinkOwnership.after(owned.links(), steps, byName))), now,
                protocol);
    }

    private static String describeDifference(ObservedState.Snapshot was, ObservedState.Snapshot now) {
        List<String> out = new ArrayList<>();
        diff("link", was.links(), now.links(), out);
        was.objects().forEach((noun, lines) -> diff(noun, lines, now.objects().get(noun), out));
        return String.join("; ", out);
    }

    private static void diff(String what, List<?> was, List<?> now, List<String> out) {
        for (Object w : was) {
            if (!now.contains(w)) {
                out.add("lost " + what + " " + w);
            }
        }
        for (Object n : now) {
            if (!was.contains(n)) {
                out.add("extra " + what + " " + n);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(verifyDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
