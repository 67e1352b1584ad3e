package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ManagedType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.TypePlan;
import io.vlinkd.daemon.resource.TypePlanner;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link Plan} from desired state, observed state and ownership. Pure: no I/O.
 *
 * <p>Every type of {@link ResourceTypes#MANAGED} is planned by its own {@link TypePlanner}, in that order, each told
 * what the types before it decided about links ({@link TypePlan.Links}); the first type's plan (links) also has the
 * later ones restore what the kernel deletes with a link. Nothing here names a type, a link kind or an object type.
 * Nothing vlinkd does not own and the config does not name is ever touched.
 */
public final class Planner {

    /**
     * vlinkd's default route protocol (RTPROT) and address protocol (IFA_PROTO), {@code settings.route-protocol}
     * unless set ({@link DaemonSettings#DEFAULT_ROUTE_PROTOCOL}); {@code ip route show proto 247} lists vlinkd's
     * routes. Add {@code 247 vlinkd} to {@code /etc/iproute2/rt_protos.d/vlinkd.conf} to see the name.
     */
    public static final int VLINKD_PROTOCOL = DaemonSettings.DEFAULT_ROUTE_PROTOCOL;

    /** One per type of {@link ResourceTypes#MANAGED}, in its order; each may carry what a pass computed to the next. */
    private final List<TypePlanner> planners = ResourceTypes.MANAGED.stream().map(ManagedType::planner).toList();

    /**
     * The plan: every type's steps, its notes and the problems that refuse it, the types in the order of
     * {@link ResourceTypes#MANAGED}; the steps of the first type in their order, each later type's after the last
     * step of the first on the same interface; ordered into waves ({@link DependencyGraph}), with the revert plan as
     * the inverse of every step, last wave first.
     */
    public synchronized Plan plan(DesiredState desired, ObservedState observed, Ownership owned) {
        // Made last to first: each type's plan is given the plans of the types after it.
        List<TypePlan> plans = new ArrayList<>();
        for (int i = planners.size() - 1; i >= 0; i--) {
            plans.add(0, planners.get(i).pass(desired, observed, owned, List.copyOf(plans)));
        }
        List<String> notes = new ArrayList<>();
        List<PlanProblem> problems = new ArrayList<>();
        List<Step> firstSteps = new ArrayList<>();
        List<Step> laterSteps = new ArrayList<>();
        TypePlan.Links decided = TypePlan.Links.NONE;
        for (int i = 0; i < plans.size(); i++) {
            decided = plans.get(i).plan(decided, i == 0 ? firstSteps : laterSteps, notes);
            problems.addAll(plans.get(i).problems());
        }
        // Each later type's steps after the first type's on their interface, so a plan reads entry by entry.
        List<Step> steps = afterTheFirst(firstSteps, laterSteps);
        if (!problems.isEmpty()) {
            return new Plan(List.of(), List.of(), problems, notes, observed, Map.of());
        }
        DependencyGraph.Result r = DependencyGraph.order(steps);
        if (!r.cycle().isEmpty()) {
            problems.add(new PlanProblem(String.join(", ", r.cycle()),
                    "dependency cycle (master, link or a referenced interface) among these interfaces", null));
            return new Plan(List.of(), List.of(), problems, notes, observed, r.branches());
        }
        List<Step> revert = new ArrayList<>();
        for (int w = r.waves().size() - 1; w >= 0; w--) {
            List<Step> wave = r.waves().get(w);
            for (int i = wave.size() - 1; i >= 0; i--) {
                revert.addAll(wave.get(i).inverse());
            }
        }
        return new Plan(r.waves(), revert, problems, notes, observed, r.branches());
    }

    /**
     * {@code firstSteps} with each of {@code laterSteps} after the last of them on its interface (at the end when
     * none).
     */
    private static List<Step> afterTheFirst(List<Step> firstSteps, List<Step> laterSteps) {
        Map<String, Integer> lastOnInterface = new HashMap<>();
        for (int i = 0; i < firstSteps.size(); i++) {
            lastOnInterface.put(firstSteps.get(i).link(), i);
        }
        Map<Integer, List<Step>> after = new HashMap<>();
        List<Step> atTheEnd = new ArrayList<>();
        for (Step s : laterSteps) {
            Integer i = lastOnInterface.get(s.link());
            if (i == null) {
                atTheEnd.add(s);
            } else {
                after.computeIfAbsent(i, k -> new ArrayList<>()).add(s);
            }
        }
        List<Step> all = new ArrayList<>();
        for (int i = 0; i < firstSteps.size(); i++) {
            all.add(firstSteps.get(i));
            all.addAll(after.getOrDefault(i, List.of()));
        }
        all.addAll(atTheEnd);
        return all;
    }
}
