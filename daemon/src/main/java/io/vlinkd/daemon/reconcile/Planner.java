package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ObjectPlan;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.LinkPlan;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link Plan} from desired state, observed state and ownership. Pure: no I/O.
 *
 * <p>The links are planned by {@link LinkPlan}; the objects on links (addresses, routes: every {@link ResourceType})
 * after them, by one {@link ObjectPlan} per type, which also says what to restore when a link is deleted or
 * re-created. Nothing here names a link kind or an object type. Nothing vlinkd does not own and the config does not
 * name is ever touched.
 */
public final class Planner {

    /**
     * vlinkd's default route protocol (RTPROT) and address protocol (IFA_PROTO), {@code settings.route-protocol}
     * unless set ({@link DaemonSettings#DEFAULT_ROUTE_PROTOCOL}); {@code ip route show proto 247} lists vlinkd's
     * routes. Add {@code 247 vlinkd} to {@code /etc/iproute2/rt_protos.d/vlinkd.conf} to see the name.
     */
    public static final int VLINKD_PROTOCOL = DaemonSettings.DEFAULT_ROUTE_PROTOCOL;

    /** The links' comparisons of the last plan, carried to the next (see {@link LinkPlan.Memo}). */
    private LinkPlan.Memo memo = new LinkPlan.Memo();

    /**
     * The plan: the links' steps ({@link LinkPlan}), then those of the objects on links, one {@link ObjectPlan} per
     * type of {@link ResourceTypes#ALL}, each told what the links' plan decided; ordered into waves
     * ({@link DependencyGraph}), with the revert plan as the inverse of every step, last wave first.
     */
    public synchronized Plan plan(DesiredState desired, ObservedState observed, Ownership owned) {
        int protocol = desired.settings().routeProtocol();
        List<ObjectPlan<?, ?, ?, ?>> objects = new ArrayList<>();
        LinkPlan links = new LinkPlan(desired, observed, owned, memo, objects);
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            objects.add(new ObjectPlan<>(t, desired, observed, owned, protocol));
        }
        links.plan();
        memo = links.memo();
        List<String> notes = new ArrayList<>(links.notes());
        List<PlanProblem> problems = new ArrayList<>(links.problems());
        // The objects on links (addresses, routes...) after the links: they depend on what the links' plan decided.
        // Each object's steps are listed after its link's, so a plan reads entry by entry.
        List<Step> objectSteps = new ArrayList<>();
        for (ObjectPlan<?, ?, ?, ?> p : objects) {
            p.plan(links, objectSteps, notes);
        }
        List<Step> steps = afterTheirLinks(links.steps(), objectSteps);
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

    /** {@code linkSteps} with each of {@code objectSteps} after the last step on its link (at the end when none). */
    private static List<Step> afterTheirLinks(List<Step> linkSteps, List<Step> objectSteps) {
        Map<String, Integer> lastOnLink = new HashMap<>();
        for (int i = 0; i < linkSteps.size(); i++) {
            lastOnLink.put(linkSteps.get(i).link(), i);
        }
        Map<Integer, List<Step>> after = new HashMap<>();
        List<Step> atTheEnd = new ArrayList<>();
        for (Step s : objectSteps) {
            Integer i = lastOnLink.get(s.link());
            if (i == null) {
                atTheEnd.add(s);
            } else {
                after.computeIfAbsent(i, k -> new ArrayList<>()).add(s);
            }
        }
        List<Step> all = new ArrayList<>();
        for (int i = 0; i < linkSteps.size(); i++) {
            all.add(linkSteps.get(i));
            all.addAll(after.getOrDefault(i, List.of()));
        }
        all.addAll(atTheEnd);
        return all;
    }
}
