package io.vlinkd.daemon.resource.link;

import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links vlinkd owns after an apply or a revert: the link type's part of the ledger's update (the objects of
 * the resource types update theirs through their {@link io.vlinkd.daemon.reconcile.KernelObject}s).
 */
public final class LinkOwnership {
    private LinkOwnership() {
    }

    /**
     * {@code owned} after {@code steps}: the links they created (and their companions) are vlinkd's, by the index
     * {@code now} shows them with (none when {@code now} does not have them); the links they deleted are not.
     */
    public static Collection<OwnedLink> after(Collection<OwnedLink> owned, List<Step> steps,
                                              Map<String, ObservedLink> now) {
        Map<String, OwnedLink> links = new LinkedHashMap<>();
        owned.forEach(l -> links.put(l.name(), l));
        for (Step s : steps) {
            if (s instanceof Step.DeleteLink d) {
                links.remove(d.link());
                d.companions().forEach(links::remove);
            } else if (s instanceof Step.CreateLink c) {
                List<String> names = new ArrayList<>();
                names.add(c.link());
                names.addAll(c.companions());
                for (String n : names) {
                    ObservedLink l = now.get(n);
                    if (l != null) {
                        links.put(n, new OwnedLink(n, l.index(), c.spec().kindName()));
                    } else {
                        links.remove(n);
                    }
                }
            }
        }
        return links.values();
    }

    /**
     * Of {@code reverted}, the links owned after a revert, those vlinkd owned before the apply or after it: a link
     * the revert re-created is owned again, under its new index, only if it was vlinkd's (a foreign link deleted by
     * {@code state: absent} and restored by the revert stays foreign).
     */
    public static List<OwnedLink> keptByRevert(Collection<OwnedLink> reverted, Ownership current, Ownership before) {
        List<OwnedLink> keep = new ArrayList<>();
        for (OwnedLink l : reverted) {
            if (current.get(l.name()).isPresent() || before.get(l.name()).isPresent()) {
                keep.add(l);
            }
        }
        return keep;
    }
}
