package io.vlinkd.daemon.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * The plans of every namespace a reconcile involves ({@link NamespacePartition}), own namespace first. A named
 * namespace's plan is computed against that namespace's present state: the entry of a peer that another
 * namespace's plan creates shows as a note until the peer exists (apply plans it right after creating it).
 */
public record NamespacedPlan(List<Part> parts, List<String> notes) {

    /** One namespace's plan (netns null: the own namespace). */
    public record Part(String netns, Plan plan) {
    }

    public NamespacedPlan {
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }

    public static NamespacedPlan single(Plan plan) {
        return new NamespacedPlan(List.of(new Part(null, plan)), List.of());
    }

    /** The plan of the own namespace. */
    public Plan own() {
        return parts.get(0).plan();
    }

    public boolean isEmpty() {
        return parts.stream().allMatch(p -> p.plan().isEmpty());
    }

    public boolean isApplicable() {
        return parts.stream().allMatch(p -> p.plan().isApplicable());
    }

    public List<NamespacedStep> steps() {
        List<NamespacedStep> out = new ArrayList<>();
        for (Part p : parts) {
            p.plan().steps().forEach(s -> out.add(new NamespacedStep(p.netns(), s)));
        }
        return out;
    }

    /** Problems as {@code [where: ]link: message}, prefixed with {@code netns NS: } outside the own namespace. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            for (PlanProblem pp : p.plan().problems()) {
                out.add(prefix(p.netns()) + (pp.where() == null ? "" : pp.where() + ": ") + pp.link() + ": "
                        + pp.message());
            }
        }
        return out;
    }

    /** The notes of every plan, and this reconcile's own (a recorded namespace that is gone). */
    public List<String> allNotes() {
        List<String> out = new ArrayList<>(notes);
        for (Part p : parts) {
            p.plan().notes().forEach(n -> out.add(prefix(p.netns()) + n));
        }
        return out;
    }

    static String prefix(String netns) {
        return netns == null ? "" : "netns " + netns + ": ";
    }
}
