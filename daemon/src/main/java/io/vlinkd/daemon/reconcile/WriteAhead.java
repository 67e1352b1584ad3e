package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.link.LinkIntent;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ledger's write-ahead rule: before a wave's creations are sent, the ledger records an intent for each link
 * they make (name, kind, and the highest ifindex seen before: {@link LinkIntent}); after the apply it records what
 * was made, by ifindex. A daemon killed between the two ({@code kill -9}, power loss) finds the intents at its next
 * start, and {@link #resolve} turns each into ownership of the link it made, or drops it.
 *
 * <p>The rule, for an intent {@code (NAME, KIND, AFTER)}: the link now called NAME is vlinkd's when its kind is
 * KIND and its ifindex is above AFTER. The kernel gives a new link the next index after the last one it gave
 * (net/core/dev.c), so a link that existed when the intent was written (someone else's namesake: the request
 * then failed with EEXIST) has an index at or below AFTER and is never claimed. What this cannot tell apart: a
 * namesake of the same kind that someone else creates after the crash, before the restart, when vlinkd's request
 * had not been sent yet; or one moved in from another namespace keeping a higher index. The window is the
 * restart delay, and the claimed link is still deleted only when it leaves the config.
 */
final class WriteAhead {
    private WriteAhead() {
    }

    /** {@code current} plus an intent for every link that the creations among {@code steps} make. */
    static Ownership intend(Ownership current, List<Step> steps, ObservedState before) {
        int after = highestIndex(before);
        List<LinkIntent> intents = new java.util.ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Step.CreateLink c) {
                intents.add(new LinkIntent(c.link(), c.spec().kindName(), after));
                for (String companion : c.companions()) {
                    intents.add(new LinkIntent(companion, c.spec().kindName(), after));
                }
            }
        }
        return current.withIntents(intents);
    }

    private static int highestIndex(ObservedState state) {
        return state.links().stream().mapToInt(ObservedLink::index).max().orElse(0);
    }

    /**
     * Intents turned into ownership ({@link #resolve}): the links claimed, and one line about each intent that
     * claimed nothing.
     */
    record Resolution(Ownership ownership, List<String> claimed, List<String> notes) {
        /** One line for the log: how many intents there were, which links became vlinkd's, and why others did not. */
        String summary() {
            return (claimed.size() + notes.size()) + " link(s) were being created when vlinkd stopped; "
                    + (claimed.isEmpty() ? "none was created" : "created, now owned: " + String.join(", ", claimed))
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        }
    }

    /** Resolves the intents of {@code loaded} against the kernel's links {@code now}, by the rule above. */
    static Resolution resolve(Ownership loaded, ObservedState now) {
        if (loaded.intents().isEmpty()) {
            return new Resolution(loaded, List.of(), List.of());
        }
        Map<String, ObservedLink> byName = now.byName();
        Ownership o = loaded.withoutIntents();
        List<String> claimed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (LinkIntent i : loaded.intents()) {
            ObservedLink l = byName.get(i.name());
            if (l == null) {
                notes.add(i.name() + ": not created");
            } else if (!i.kind().equals(l.kindName())) {
                notes.add(i.name() + ": was to be a " + i.kind() + "; the " + (l.kindName() == null ? "device"
                        : l.kindName()) + " of that name is not vlinkd's");
            } else if (l.index() <= i.after()) {
                notes.add(i.name() + ": the " + i.kind() + " of that name (ifindex " + l.index() + ") existed "
                        + "before, it is not vlinkd's");
            } else {
                o = o.with(new OwnedLink(l.name(), l.index(), i.kind()));
                claimed.add(i.name());
            }
        }
        return new Resolution(o, claimed, notes);
    }
}
