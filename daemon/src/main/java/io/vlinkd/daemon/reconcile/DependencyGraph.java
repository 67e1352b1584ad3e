package io.vlinkd.daemon.reconcile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Orders steps into waves. Edges:
 * <ul>
 *   <li>on one interface, steps follow {@link Phase} order;</li>
 *   <li>a step that needs an interface comes after the step creating it (parents, masters, referenced devices and
 *       companions first);</li>
 *   <li>a step that needs an interface also comes after that interface's {@link Step.ConfigureLink} (a team's
 *       mode is set before any port joins);</li>
 *   <li>a removal that needs an interface comes before the deletion of that interface (children first);</li>
 *   <li>every deletion of a resource type's object (a route) comes before everything else, and every addition
 *       after everything else ({@link Phase#removesObjectFirst()}, {@link Phase#addsObjectLast()});</li>
 *   <li>the phases that {@link Phase#ordersAcrossInterfaces()} follow their order on every interface (nexthops,
 *       their groups, the routes that use them).</li>
 * </ul>
 * Barriers are zero-width nodes, so the graph stays linear in the number of steps. A cycle is reported with the
 * interfaces on it.
 */
final class DependencyGraph {
    private DependencyGraph() {
    }

    /** Waves, or the interfaces of a cycle when {@code cycle} is non-empty. Also the branch of each interface. */
    record Result(List<List<Step>> waves, List<String> cycle, Map<String, Integer> branches) {
    }

    static Result order(List<Step> steps) {
        int n = steps.size();
        List<List<Integer>> out = new ArrayList<>();
        List<Boolean> barrier = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
            barrier.add(false);
        }
        // Per interface: its steps; those of an interface with steps in several phases are chained through one
        // barrier per phase boundary (most interfaces have a single step: no grouping needed).
        Map<String, List<Integer>> byLink = new LinkedHashMap<>();
        Map<String, Integer> creators = new HashMap<>();
        Map<String, Integer> deleters = new HashMap<>();
        // A link configured over generic netlink (a team's mode) is ready for what needs it only once configured:
        // team refuses a mode change while it has ports.
        Map<String, Integer> configurers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            byLink.computeIfAbsent(s.link(), k -> new ArrayList<>(2)).add(i);
            final int node = i;
            if (s instanceof Step.CreateLink c) {
                creators.put(c.link(), node);
                c.companions().forEach(x -> creators.put(x, node));
            } else if (s instanceof Step.DeleteLink d) {
                deleters.put(d.link(), node);
                d.companions().forEach(x -> deleters.put(x, node));
            } else if (s instanceof Step.ConfigureLink) {
                configurers.put(s.link(), node);
            }
        }
        for (List<Integer> ofLink : byLink.values()) {
            if (ofLink.size() < 2) {
                continue;
            }
            EnumMap<Phase, List<Integer>> phases = new EnumMap<>(Phase.class);
            ofLink.forEach(i -> phases.computeIfAbsent(steps.get(i).phase(), k -> new ArrayList<>()).add(i));
            List<Integer> previous = null;
            for (List<Integer> group : phases.values()) {
                if (previous != null) {
                    int b = addNode(out, barrier);
                    previous.forEach(p -> out.get(p).add(b));
                    group.forEach(g -> out.get(b).add(g));
                }
                previous = group;
            }
        }
        EnumMap<Phase, List<Integer>> across = new EnumMap<>(Phase.class);
        for (int i = 0; i < n; i++) {
            if (steps.get(i).phase().ordersAcrossInterfaces()) {
                across.computeIfAbsent(steps.get(i).phase(), k -> new ArrayList<>()).add(i);
            }
        }
        // Chained only when two of them are in the plan: a plan of routes alone keeps its waves.
        if (across.size() > 1) {
            List<Integer> previous = null;
            for (List<Integer> group : across.values()) {
                if (previous != null) {
                    int b = addNode(out, barrier);
                    previous.forEach(p -> out.get(p).add(b));
                    group.forEach(g -> out.get(b).add(g));
                }
                previous = group;
            }
        }
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            boolean removal = s.phase().compareTo(Phase.DELETE_LINK) <= 0;
            // A step on an interface another step creates (a veth peer, created with its pair) waits for that
            // creation; steps on the created link itself are already chained by phase above.
            Integer creator = removal ? null : creators.get(s.link());
            if (creator != null && creator != i) {
                out.get(creator).add(i);
            }
            for (String need : s.needs()) {
                if (removal) {
                    Integer d = deleters.get(need);
                    if (d != null && d != i) {
                        out.get(i).add(d);
                    }
                } else {
                    Integer c = creators.get(need);
                    if (c != null && c != i) {
                        out.get(c).add(i);
                    }
                    Integer cf = configurers.get(need);
                    if (cf != null && cf != i) {
                        out.get(cf).add(i);
                    }
                }
            }
        }
        int first = addNode(out, barrier);
        int last = addNode(out, barrier);
        for (int i = 0; i < n; i++) {
            Phase p = steps.get(i).phase();
            if (p.removesObjectFirst()) {
                out.get(i).add(first);
            } else if (p.addsObjectLast()) {
                out.get(last).add(i);
            } else {
                out.get(first).add(i);
                out.get(i).add(last);
            }
        }
        out.get(first).add(last);

        int total = out.size();
        int[] indegree = new int[total];
        for (List<Integer> targets : out) {
            targets.forEach(t -> indegree[t]++);
        }
        int[] level = new int[total];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < total; v++) {
            if (indegree[v] == 0) {
                ready.add(v);
            }
        }
        int done = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            done++;
            int next = level[v] + (barrier.get(v) ? 0 : 1);
            for (int t : out.get(v)) {
                level[t] = Math.max(level[t], next);
                if (--indegree[t] == 0) {
                    ready.add(t);
                }
            }
        }
        Map<String, Integer> branches = branches(steps);
        if (done < total) {
            TreeSet<String> cyc = new TreeSet<>();
            for (int v = 0; v < n; v++) {
                if (indegree[v] > 0) {
                    cyc.add(steps.get(v).link());
                }
            }
            return new Result(List.of(), List.copyOf(cyc), branches);
        }
        Map<Integer, List<Step>> waves = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            waves.computeIfAbsent(level[i], k -> new ArrayList<>()).add(steps.get(i));
        }
        return new Result(new ArrayList<>(waves.values()), List.of(), branches);
    }

    private static int addNode(List<List<Integer>> out, List<Boolean> barrier) {
        out.add(new ArrayList<>());
        barrier.add(true);
        return out.size() - 1;
    }

    /** Union-find over interface names: a step joins its interface with everything it needs. */
    private static Map<String, Integer> branches(List<Step> steps) {
        Map<String, String> parent = new HashMap<>();
        for (Step s : steps) {
            find(parent, s.link());
            for (String need : s.needs()) {
                union(parent, s.link(), need);
            }
            List<String> companions = s instanceof Step.CreateLink c ? c.companions()
                    : s instanceof Step.DeleteLink d ? d.companions() : List.of();
            companions.forEach(x -> union(parent, s.link(), x));
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> out = new HashMap<>();
        for (String name : parent.keySet()) {
            String root = find(parent, name);
            out.put(name, ids.computeIfAbsent(root, r -> ids.size()));
        }
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String c = x;
        while (!parent.get(c).equals(r)) {
            String next = parent.get(c);
            parent.put(c, r);
            c = next;
        }
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
