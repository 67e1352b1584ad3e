package io.vlinkd.daemon.resource.link;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code adopt: true}: an entry with a kind whose link exists, of that kind, but was not created by vlinkd takes
 * it over. The planner then treats it as vlinkd's (changes it in place, re-creates it when an option needs that,
 * deletes it when it leaves the config) and the reconciler records it in the ledger once the apply succeeded.
 * Without {@code adopt} the planner refuses such a link ({@code exists as a bridge that vlinkd did not create}).
 * A link of another kind is never adopted: vlinkd does not replace someone else's link.
 */
public final class Adoption {
    private Adoption() {
    }

    /** {@code owned} plus the links the config adopts now (and their companions: a veth's peer). */
    public static Ownership adopt(DesiredState desired, ObservedState observed, Ownership owned) {
        Map<String, ObservedLink> byName = observed.byName();
        Ownership o = owned;
        for (DesiredLink d : desired.links()) {
            if (!d.adopt() || d.link().isExisting()) {
                continue;
            }
            String kind = d.link().kind().name();
            List<String> names = new ArrayList<>();
            names.add(d.name());
            names.addAll(KindTraits.companions(d.link().kind(), d.link().spec()));
            for (String name : names) {
                ObservedLink l = byName.get(name);
                if (l != null && Objects.equals(l.kindName(), kind) && !owned.owns(l.name(), l.index())) {
                    o = o.with(new OwnedLink(l.name(), l.index(), kind));
                }
            }
        }
        return o;
    }
}
