package io.vlinkd.daemon.resource;

import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.PlanProblem;
import io.vlinkd.daemon.reconcile.Step;
import java.util.List;
import java.util.Set;

/**
 * The plan of one {@link ManagedType} in one planning pass, made by the type's {@link TypePlanner}. The planner
 * makes every type's plan of the pass first, then has each plan its steps in the order of
 * {@link ResourceTypes#MANAGED}, passing on what the plans so far decided about links ({@link Links}): the first
 * type (links) decides which links the pass creates, deletes and re-creates, and has the plans of the later types
 * put back what the kernel deletes with such a link ({@link #restore}, {@link #restoreKept}); every later type plans
 * its objects knowing that.
 */
public interface TypePlan {

    /** What the links' plan decided, as the objects on those links need it. */
    interface Links {

        /** What is decided before any type is planned: no link is created, deleted or awaited. */
        Links NONE = new Links() {
            @Override
            public boolean renewed(String link) {
                return false;
            }

            @Override
            public boolean dropped(String link) {
                return false;
            }

            @Override
            public boolean awaited(String link) {
                return false;
            }
        };

        /** Created or deleted by the plan (new, re-created or gone): nothing observed on it is there afterwards. */
        boolean renewed(String link);

        /** Deleted or re-created by the plan: the kernel deletes what is on it (the link's inverse restores it). */
        boolean dropped(String link);

        /**
         * Named by the config as an existing interface that is not there (the plan notes it): the objects on it
         * wait until it appears.
         */
        boolean awaited(String link);
    }

    /**
     * Adds the type's steps to {@code steps} and its notes to {@code notes}.
     *
     * @param decided what the types planned before this one decided about links ({@link Links#NONE} for the first)
     * @return what the types planned so far decided, for the next type: {@code decided}, or this plan's decisions
     *         when the type decides about links
     */
    Links plan(Links decided, List<Step> steps, List<String> notes);

    /** Why the pass cannot be applied, as this type's {@link #plan} found it; none for most types. */
    default List<PlanProblem> problems() {
        return List.of();
    }

    /**
     * Adds to {@code out} the steps that put back, as observed, this type's objects that the kernel deletes with the
     * links of {@code indexes} (a deleted link's inverse). A type whose objects do not go with a link restores
     * nothing.
     */
    default void restore(Set<Integer> indexes, List<Step> out) {
    }

    /**
     * Adds to {@code out} the steps that put back, after the link of {@code index} is re-created, this type's objects
     * on it that the config does not bring back ({@code where}: the link's entry). Called before {@link #plan}. A
     * type whose objects do not go with a link restores nothing.
     */
    default void restoreKept(int index, SourceLocation where, List<Step> out) {
    }
}
