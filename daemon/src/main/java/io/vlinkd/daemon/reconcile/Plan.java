package io.vlinkd.daemon.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ordered plan: waves of independent steps (a wave's requests are pipelined), the revert plan computed before
 * anything is applied (every step's inverse, last step first), problems that forbid applying it, notes for the
 * operator, the observation it was computed from, and which independent branch each interface belongs to
 * ({@code on-error: isolate} reverts a failed branch alone).
 */
public record Plan(List<List<Step>> waves, List<Step> revert, List<PlanProblem> problems, List<String> notes,
                   ObservedState observed, Map<String, Integer> branches) {

    public Plan {
        waves = waves.stream().map(List::copyOf).toList();
        revert = List.copyOf(revert);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        branches = Map.copyOf(branches);
    }

    public List<Step> steps() {
        List<Step> all = new ArrayList<>();
        waves.forEach(all::addAll);
        return all;
    }

    public boolean isEmpty() {
        return waves.isEmpty();
    }

    public boolean isApplicable() {
        return problems.isEmpty();
    }

    /** The branch (connected component of the dependency graph) of a step. */
    public int branchOf(Step s) {
        return branches.getOrDefault(s.link(), -1);
    }

    /** The plan as {@code ip} commands, one per line, waves separated by a comment. */
    public String toIpCommands() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (List<Step> wave : waves) {
            sb.append("# wave ").append(++n).append('\n');
            for (Step s : wave) {
                sb.append(s.ipCommand()).append('\n');
            }
        }
        return sb.toString();
    }
}
