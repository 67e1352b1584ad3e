package io.vlinkd.daemon.resource.link;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.PlanProblem;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.resource.TypePlan;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.ip.Ipv4Setting;
import io.vlinkd.netlink.port.PortOption;
import io.vlinkd.netlink.port.PortSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of the links in one planning pass ({@link LinkType}'s): which links are created, changed in place,
 * re-created or deleted, and what the objects on them (the plans of the later types) need to know of it
 * ({@link TypePlan.Links}). Pure: no I/O.
 *
 * <p>Rules (BRIEF.md, "The flow of one reconcile"): what the config does not set is not managed; a difference the
 * kind can change in place becomes one change request; any other becomes an explicit delete-and-recreate, which
 * also recreates the interfaces stacked on it and re-attaches its ports and the objects on it. An interface that
 * left the config is deleted only if vlinkd created it; {@code state: absent} deletes a named one whatever created
 * it; someone else's link of a configured name is refused unless the entry adopts it. A port created up is created
 * down in its master, then set up; an interface that is up joins a bond or team down, then is set up again.
 */
public final class LinkPlan implements TypePlan, TypePlan.Links {

    /**
     * Each desired link's kind differences as the last plan computed them, with the observed link (and its peer's
     * name) they were computed against. A daemon plans the same running config over and over against a view in
     * which every link that did not change is the same object as the time before (EventFedObservation keeps them),
     * so a repair over thousands of links compares again only the links that changed. Keyed by identity: a new
     * config or a new observation of a link is compared afresh.
     */
    public static final class Memo {
        private final Map<LinkSpec, Carried> byDesired = new IdentityHashMap<>();
    }

    private record Carried(ObservedLink observed, String peerName, List<Difference> differences) {
    }

    private final DesiredState desired;
    private final ObservedState observed;
    private final Ownership owned;
    private final Map<String, ObservedLink> byName;
    private final Map<String, DesiredLink> desiredByName = new LinkedHashMap<>();
    private final Set<String> desiredCompanions = new HashSet<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<PlanProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Links deleted and not re-created: nothing else is planned on them. */
    private final Set<String> gone = new HashSet<>();
    /** Links deleted and re-created, with the reason. */
    private final Map<String, String> recreate = new LinkedHashMap<>();
    /** Links created by this plan (new or re-created), including companions. */
    private final Set<String> created = new HashSet<>();
    private final Memo previous;
    private final Memo next = new Memo();
    /** Memo of this pass, by identity: the specs are records whose equals walks every option. */
    private final Map<ObservedLink, KindSpec> observedSpecs = new IdentityHashMap<>();
    /** The plans of the later types: what a deleted or re-created link takes along is restored by them. */
    private final List<TypePlan> later;

    /**
     * @param previous the memo of the last plan (see {@link Memo})
     * @param later    the plans of the types planned after the links
     */
    public LinkPlan(DesiredState desired, ObservedState observed, Ownership owned, Memo previous,
                    List<TypePlan> later) {
        this.desired = desired;
        this.observed = observed;
        this.owned = owned;
        this.previous = previous;
        this.later = later;
        this.byName = observed.byName();
        for (DesiredLink d : desired.links()) {
            desiredByName.put(d.name(), d);
            desiredCompanions.addAll(KindTraits.companions(d.link().kind(), d.link().spec()));
        }
    }

    /**
     * Plans every link (the first type planned: {@code decided} is {@link TypePlan.Links#NONE}); then
     * {@link #problems()} holds what refuses the plan. Returns this plan's decisions, for the later types.
     */
    @Override
    public Links plan(Links decided, List<Step> steps, List<String> notes) {
        decideRecreates();
        planDeletions();
        for (DesiredLink d : desired.links()) {
            planLink(d);
        }
        steps.addAll(this.steps);
        notes.addAll(this.notes);
        return this;
    }

    @Override
    public List<PlanProblem> problems() {
        return problems;
    }

    /** This pass's memo, for the next plan. */
    public Memo memo() {
        return next;
    }

    @Override
    public boolean renewed(String link) {
        return created.contains(link) || gone.contains(link);
    }

    @Override
    public boolean dropped(String link) {
        return gone.contains(link) || recreate.containsKey(link);
    }

    @Override
    public boolean awaited(String link) {
        DesiredLink d = desiredByName.get(link);
        return d != null && d.link().isExisting() && !byName.containsKey(link) && !created.contains(link);
    }

    /** A bond or team, as the config defines it or as it exists. */
    private boolean takesOnlyDownPorts(String master) {
        DesiredLink d = desiredByName.get(master);
        if (d != null && d.link().kind() != null) {
            return d.link().kind().takesOnlyDownPorts();
        }
        ObservedLink m = byName.get(master);
        return m != null && m.kind() != null && m.kind().takesOnlyDownPorts();
    }

    private ObservedLink linkAt(int index) {
        return observed.link(index).orElse(null);
    }

    private String nameOf(int index) {
        ObservedLink l = linkAt(index);
        return l == null ? null : l.name();
    }

    // ---- which links are re-created ------------------------------------------------------------------

    private void decideRecreates() {
        for (DesiredLink d : desired.links()) {
            LinkSpec want = d.link();
            ObservedLink o = byName.get(d.name());
            if (want.isExisting() || o == null) {
                continue;
            }
            if (!Objects.equals(o.kindName(), want.kind().name())) {
                if (owned.owns(o.name(), o.index())) {
                    recreate.put(o.name(), "kind " + o.kindName() + " → " + want.kind().name());
                } else {
                    problems.add(new PlanProblem(d.name(), "exists as " + (o.kindName() == null ? "a device"
                            : "a " + o.kindName()) + " that vlinkd did not create; it will not replace it with a "
                            + want.kind().name() + " (delete it, or mark it state: absent)", d.where()));
                }
                continue;
            }
            if (!owned.owns(o.name(), o.index())) {
                // Someone else's link of the configured name and kind: configuring it would change what vlinkd
                // does not own (and never delete it). adopt: true takes it over (Adoption owns it for the plan).
                problems.add(new PlanProblem(d.name(), "exists as a " + o.kindName() + " that vlinkd did not "
                        + "create (the config wants a " + want.kind().name() + " it creates and owns); add "
                        + "`adopt: true` to manage it, or remove the entry's kind: to configure it without "
                        + "owning it", d.where()));
                continue;
            }
            List<String> why = new ArrayList<>();
            for (Difference diff : kindDifferences(want, o)) {
                if (diff.change() == Option.Change.RECREATE) {
                    why.add(diff.describe()
                            + (diff.reason() == null ? "" : ": " + diff.reason()));
                }
            }
            if (!why.isEmpty()) {
                recreate.put(o.name(), String.join("; ", why));
            }
        }
        // Re-creating a link deletes what is stacked on it (vlan, macvlan, vxlan on their lower device):
        // those are re-created too.
        Deque<String> work = new ArrayDeque<>(recreate.keySet());
        while (!work.isEmpty()) {
            ObservedLink parent = byName.get(work.poll());
            for (ObservedLink child : childrenOf(parent)) {
                if (!recreate.containsKey(child.name())) {
                    recreate.put(child.name(), "it sits on " + parent.name() + ", which is re-created");
                    work.add(child.name());
                }
            }
        }
    }

    /** Links the kernel deletes together with {@code p}: stacked on it, other than its own companion. */
    private List<ObservedLink> childrenOf(ObservedLink p) {
        List<ObservedLink> out = new ArrayList<>();
        for (ObservedLink l : observed.links()) {
            if (l.index() == p.index() || isCompanionPair(p, l)) {
                continue;
            }
            boolean stacked = l.parent() == p.index() && l.linkNetnsId() < 0
                    || KindTraits.references(l.kind(), observedSpec(l)).contains(p.name());
            if (stacked) {
                out.add(l);
            }
        }
        return out;
    }

    private boolean isCompanionPair(ObservedLink a, ObservedLink b) {
        return KindTraits.hasPeerOption(a.kind()) && a.parent() == b.index() && a.linkNetnsId() < 0;
    }

    // ---- deletions --------------------------------------------------------------------------------------

    private void planDeletions() {
        Map<String, SourceLocation> toDelete = new LinkedHashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (AbsentLink a : desired.absent()) {
            if (byName.containsKey(a.name())) {
                toDelete.put(a.name(), a.where());
                reasons.put(a.name(), "state: absent");
            }
        }
        // In the order vlinkd recorded them, which puts a veth's configured end before its peer (the kernel
        // dumps the peer first): the deletion of the pair is then named after the end the config named.
        for (OwnedLink recorded : owned.links()) {
            ObservedLink l = byName.get(recorded.name());
            if (l == null) {
                continue;
            }
            ObservedLink partner = linkAt(l.parent());
            boolean goesWithRecreated = partner != null && isCompanionPair(l, partner)
                    && recreate.containsKey(partner.name());
            if (!desiredByName.containsKey(l.name()) && !desiredCompanions.contains(l.name())
                    && owned.owns(l.name(), l.index()) && !toDelete.containsKey(l.name())
                    && !goesWithRecreated) {
                toDelete.put(l.name(), null);
                reasons.put(l.name(), "left the config");
            }
        }
        // The kernel takes children along: delete them explicitly (children first), so the revert restores
        // them; a child the config wants is a conflict.
        Deque<String> work = new ArrayDeque<>(toDelete.keySet());
        while (!work.isEmpty()) {
            ObservedLink p = byName.get(work.poll());
            for (ObservedLink child : childrenOf(p)) {
                if (desiredByName.containsKey(child.name())) {
                    problems.add(new PlanProblem(child.name(), "is stacked on " + p.name() + ", which is to be "
                            + "deleted (" + reasons.get(p.name()) + "); the kernel would delete it too",
                            desiredByName.get(child.name()).where()));
                } else if (!toDelete.containsKey(child.name())) {
                    toDelete.put(child.name(), null);
                    reasons.put(child.name(), "it sits on " + p.name() + ", which is deleted");
                    work.add(child.name());
                }
            }
        }
        Set<String> coveredByCompanion = new HashSet<>();
        for (Map.Entry<String, SourceLocation> e : toDelete.entrySet()) {
            if (coveredByCompanion.contains(e.getKey())) {
                continue;
            }
            ObservedLink o = byName.get(e.getKey());
            DeleteParts parts = deleteParts(o, toDelete.keySet());
            coveredByCompanion.addAll(parts.companions);
            gone.add(o.name());
            gone.addAll(parts.companions);
            steps.add(new Step.DeleteLink(o.name(), parts.restore, parts.needs, parts.companions,
                    parts.restoreAfter, e.getValue(), reasons.get(o.name())));
        }
    }

    private record DeleteParts(LinkSpec restore, Set<String> needs, List<String> companions,
                               List<Step> restoreAfter) {
    }

    /** What deleting {@code o} takes along, and what restores it. {@code leaving}: links deleted too. */
    private DeleteParts deleteParts(ObservedLink o, Set<String> leaving) {
        List<String> companions = new ArrayList<>();
        Set<String> needs = new LinkedHashSet<>();
        ObservedLink partner = linkAt(o.parent());
        if (partner != null && o.linkNetnsId() < 0 && KindTraits.hasPeerOption(o.kind())) {
            companions.add(partner.name());
        } else if (partner != null && o.linkNetnsId() < 0) {
            needs.add(partner.name());
        }
        needs.addAll(KindTraits.references(o.kind(), observedSpec(o)));
        List<Step> after = new ArrayList<>();
        for (ObservedLink port : observed.portsOf(o.index())) {
            if (!leaving.contains(port.name()) && !recreate.containsKey(port.name())) {
                after.add(new Step.SetMaster(port.name(), o.name(), null, null));
            }
        }
        for (String c : companions) {
            ObservedLink cl = byName.get(c);
            if (cl != null && cl.up()) {
                after.add(new Step.SetState(c, AdminState.UP, AdminState.DOWN, null));
            }
            if (cl != null && cl.master() > 0) {
                after.add(new Step.SetMaster(c, nameOf(cl.master()), null, null));
            }
        }
        Set<Integer> indexes = new HashSet<>();
        indexes.add(o.index());
        companions.forEach(c -> indexes.add(byName.get(c).index()));
        for (TypePlan p : later) {
            p.restore(indexes, after);
        }
        return new DeleteParts(restoreSpec(o), needs, companions, after);
    }

    // ---- desired links ----------------------------------------------------------------------------------

    private void planLink(DesiredLink d) {
        LinkSpec want = d.link();
        ObservedLink o = byName.get(d.name());
        if (want.isExisting()) {
            if (o == null && desiredCompanions.contains(d.name())) {
                planOnCompanion(d);
                return;
            }
            if (o == null) {
                notes.add(d.name() + " (" + d.where() + ") does not exist; vlinkd configures it when it appears");
                return;
            }
            planInPlace(d, o);
            return;
        }
        if (o == null) {
            if (desiredCompanions.contains(d.name())) {
                return;
            }
            create(d, want, null);
            return;
        }
        if (!Objects.equals(o.kindName(), want.kind().name()) && !recreate.containsKey(o.name())) {
            return; // a problem was reported
        }
        String why = recreate.get(o.name());
        if (why != null) {
            DeleteParts parts = deleteParts(o, recreate.keySet());
            // The re-created link keeps what the config does not manage: its up/down state, its mtu.
            LinkSpec spec = want;
            if (spec.state().isEmpty()) {
                spec = spec.withState(o.up() ? AdminState.UP : AdminState.DOWN);
            }
            if (spec.mtu().isEmpty()) {
                spec = spec.withMtu(o.mtu());
            }
            steps.add(new Step.DeleteLink(o.name(), restoreSpec(o), parts.needs, parts.companions,
                    parts.restoreAfter, d.where(), "to re-create: " + why));
            create(d, spec, why);
            // What the config does not list comes back as it was (addresses of an entry without addresses:,
            // someone else's routes); the listed objects come from the config.
            for (TypePlan p : later) {
                p.restoreKept(o.index(), d.where(), steps);
            }
            for (ObservedLink port : observed.portsOf(o.index())) {
                DesiredLink dp = desiredByName.get(port.name());
                boolean elsewhere = dp != null && dp.link().master().isPresent()
                        && !dp.link().master().get().equals(d.name());
                if (!elsewhere && !recreate.containsKey(port.name()) && !gone.contains(port.name())) {
                    steps.add(new Step.SetMaster(port.name(), d.name(), d.name(), d.where()));
                    if (dp != null) {
                        setPortOfNewPort(dp);
                    }
                }
            }
            return;
        }
        planInPlace(d, o);
    }

    private void create(DesiredLink d, LinkSpec spec, String why) {
        Set<String> needs = new LinkedHashSet<>();
        spec.link().ifPresent(needs::add);
        spec.master().ifPresent(needs::add);
        needs.addAll(KindTraits.references(spec.kind(), spec.spec()));
        List<String> companions = KindTraits.companions(spec.kind(), spec.spec());
        steps.addAll(Step.CreateLink.portDownFirst(spec, needs, companions, d.where(), why));
        if (spec.kind().createIgnoresMtu() && spec.mtu().isPresent()) {
            // Set again once created (macsec takes its lower device's MTU); reverting the create deletes it anyway.
            int mtu = spec.mtu().get();
            steps.add(new Step.ChangeLink(d.name(), bare(d.name()).withMtu(mtu), bare(d.name()), List.of("mtu " + mtu),
                    Set.of(), d.where()));
        }
        Step.ConfigureLink.afterCreate(spec, d.where()).ifPresent(steps::add);
        spec.ipv4().ifPresent(v4 -> steps.add(new Step.SetIpv4(d.name(), v4, null, d.where())));
        setPortOfNewPort(d);
        created.add(d.name());
        created.addAll(companions);
    }

    /**
     * An entry without kind that configures the peer another entry creates in this plan (a veth's other end):
     * it does not exist yet, so its settings are planned against a fresh link (down, no master, no addresses)
     * and ordered after its creator. Its inverses need no old values: reverting the creation deletes it anyway.
     */
    private void planOnCompanion(DesiredLink d) {
        LinkSpec want = d.link();
        if (want.mtu().isPresent() || want.mac().isPresent() || want.txqueuelen().isPresent()
                || want.alias().isPresent()) {
            List<String> keys = new ArrayList<>();
            LinkSpec change = bare(want.name());
            if (want.mtu().isPresent()) {
                keys.add("mtu " + want.mtu().get());
                change = change.withMtu(want.mtu().get());
            }
            if (want.mac().isPresent()) {
                keys.add("address");
                change = change.withMac(want.mac().get());
            }
            if (want.txqueuelen().isPresent()) {
                keys.add("txqueuelen " + want.txqueuelen().get());
                change = change.withTxqueuelen(want.txqueuelen().get());
            }
            if (want.alias().isPresent()) {
                keys.add("alias");
                change = change.withAlias(want.alias().get());
            }
            steps.add(new Step.ChangeLink(d.name(), change, bare(want.name()), keys, Set.of(), d.where()));
        }
        want.master().ifPresent(m -> steps.add(new Step.SetMaster(d.name(), m, null, d.where())));
        want.ipv4().ifPresent(v4 -> steps.add(new Step.SetIpv4(d.name(), v4, null, d.where())));
        setPortOfNewPort(d);
        if (want.state().orElse(AdminState.DOWN) == AdminState.UP) {
            steps.add(new Step.SetState(d.name(), AdminState.UP, AdminState.DOWN, d.where()));
        }
    }

    private void planInPlace(DesiredLink d, ObservedLink o) {
        LinkSpec want = d.link();
        List<String> keys = new ArrayList<>();
        LinkSpec change = bare(want.name());
        LinkSpec revert = bare(want.name());
        if (want.mtu().isPresent() && want.mtu().get() != o.mtu()) {
            keys.add("mtu " + o.mtu() + " → " + want.mtu().get());
            change = change.withMtu(want.mtu().get());
            revert = revert.withMtu(o.mtu());
        }
        if (want.mac().isPresent() && !want.mac().get().equals(o.mac())) {
            keys.add("address");
            change = change.withMac(want.mac().get());
            if (o.mac() != null) {
                revert = revert.withMac(o.mac());
            }
        }
        if (want.txqueuelen().isPresent() && want.txqueuelen().get() != o.txqueuelen()) {
            keys.add("txqueuelen " + o.txqueuelen() + " → " + want.txqueuelen().get());
            change = change.withTxqueuelen(want.txqueuelen().get());
            revert = revert.withTxqueuelen(o.txqueuelen());
        }
        if (want.alias().isPresent() && !want.alias().get().equals(o.alias())) {
            keys.add("alias");
            change = change.withAlias(want.alias().get());
            revert = revert.withAlias(o.alias() == null ? "" : o.alias());
        }
        Set<String> needs = new LinkedHashSet<>();
        if (!want.isExisting()) {
            List<String> kindKeys = new ArrayList<>();
            List<String> kindWords = new ArrayList<>();
            for (Difference diff : kindDifferences(want, o)) {
                if (diff.change() == Option.Change.IN_PLACE) {
                    kindKeys.add(diff.key());
                    kindWords.add(diff.describe());
                }
            }
            if (!kindKeys.isEmpty() && want.kind() instanceof PostCreateConfiguration<?>) {
                // A kind configured over generic netlink (team) has no rtnetlink options to change: an
                // in-place difference is a ConfigureLink, reverted by configuring the observed values back.
                // (PostCreateConfiguration does not say which keys travel where; every kind with it so far
                // has only generic-netlink options.)
                steps.add(new Step.ConfigureLink(d.name(), want.kind(),
                        KindTraits.restrict(want.kind(), want.spec(), kindKeys),
                        KindTraits.restrict(want.kind(), observedSpec(o), kindKeys), d.where()));
                kindKeys.clear();
            }
            if (!kindKeys.isEmpty()) {
                // The common part is its own request, before the kind's: a kind's changelink may refuse a
                // common attribute beside IFLA_INFO_DATA (vxlan_nl2conf: "Cannot change mtu", EOPNOTSUPP).
                // Each request reverts on its own, so the revert is two requests too (kind first, then common).
                // A kind whose changelink resets the MTU unless told it (vti6) gets one request, with the MTU.
                if (want.kind().changeResetsMtu()) {
                    if (change.mtu().isEmpty()) {
                        change = change.withMtu(o.mtu());
                    }
                    if (revert.mtu().isEmpty()) {
                        revert = revert.withMtu(o.mtu());
                    }
                } else if (!keys.isEmpty()) {
                    steps.add(new Step.ChangeLink(d.name(), change, revert, keys, Set.of(), d.where()));
                    keys = new ArrayList<>();
                    change = bare(want.name());
                    revert = bare(want.name());
                }
                keys.addAll(kindWords);
                // changeFrom: a tunnel's changelink resets what the request leaves out (ipip_netlink_parms()
                // starts from a zeroed struct), so its change and revert carry the kernel's other values too.
                KindSpec seen = observedSpec(o);
                KindSpec changed = KindTraits.restrict(want.kind(), want.spec(), kindKeys);
                KindSpec c = KindTraits.changeFrom(want.kind(), changed, seen);
                KindSpec r = KindTraits.changeFrom(want.kind(),
                        KindTraits.restrict(want.kind(), seen, kindKeys), seen);
                change = withKind(change, want, c);
                revert = withKind(revert, want, r);
                needs.addAll(KindTraits.references(want.kind(), changed));
            }
        }
        if (!keys.isEmpty()) {
            steps.add(new Step.ChangeLink(d.name(), change, revert, keys, needs, d.where()));
        }
        setIpv4InPlace(d, o);
        AdminState state = o.up() ? AdminState.UP : AdminState.DOWN;
        if (want.master().isPresent()) {
            String master = want.master().get();
            String have = nameOf(o.master());
            if (!master.equals(have) || recreate.containsKey(master)) {
                if (!recreate.containsKey(master) || !Objects.equals(have, master)) {
                    if (o.up() && takesOnlyDownPorts(master)) {
                        steps.add(new Step.SetDownToEnslave(d.name(), master, d.where()));
                        state = AdminState.DOWN;
                    }
                    steps.add(new Step.SetMaster(d.name(), master, have, d.where()));
                    setPortOfNewPort(d);
                }
                // else: the master is re-created and re-attaches this port with its settings (planLink).
            } else {
                setPortInPlace(d, o);
            }
        }
        // Up as it was (an entry without state: leaves it so), unless the config says otherwise.
        AdminState wanted = want.state().orElse(o.up() ? AdminState.UP : AdminState.DOWN);
        if (wanted != state) {
            steps.add(new Step.SetState(d.name(), wanted, state, d.where()));
        }
    }

    /**
     * The configured port settings of a link that joins its master in this plan (created, enslaved, or re-attached
     * to a re-created master): they go over the kernel's defaults, and leaving the master discards them.
     */
    private void setPortOfNewPort(DesiredLink d) {
        LinkSpec want = d.link();
        if (want.port().isPresent() && want.master().isPresent()) {
            steps.add(new Step.SetPort(d.name(), want.master().get(), want.port().get(), null, d.where()));
        }
    }

    /** The configured IPv4 settings that differ from the observed ones; all of them when none could be read. */
    private void setIpv4InPlace(DesiredLink d, ObservedLink o) {
        d.link().ipv4().ifPresent(want -> {
            List<Ipv4Setting> differ = o.ipv4() == null ? List.copyOf(want.values().keySet())
                    : o.ipv4().differences(want);
            if (!differ.isEmpty()) {
                steps.add(new Step.SetIpv4(d.name(), want.only(differ),
                        o.ipv4() == null ? null : o.ipv4().only(differ), d.where()));
            }
        });
    }

    /** The configured port settings that differ from the observed ones of a port that stays in its master. */
    private void setPortInPlace(DesiredLink d, ObservedLink o) {
        LinkSpec want = d.link();
        if (want.port().isEmpty()) {
            return;
        }
        if (o.port() == null) {
            // A port whose settings could not be read: set them, with nothing known to put back.
            setPortOfNewPort(d);
            return;
        }
        PortSettings seen = o.port().named(this::nameOf);
        List<PortOption> differ = seen.differences(want.port().get());
        if (!differ.isEmpty()) {
            steps.add(new Step.SetPort(d.name(), want.master().orElseThrow(), want.port().get().only(differ),
                    seen.only(differ), d.where()));
        }
    }

    private LinkSpec bare(String name) {
        return new LinkSpec(name, null, null, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private LinkSpec withKind(LinkSpec s, LinkSpec want, KindSpec spec) {
        return new LinkSpec(s.name(), want.kind(), spec, s.mtu(), s.mac(), s.state(), s.master(), s.link(),
                s.alias(), s.txqueuelen(), s.netns());
    }

    /**
     * Computed once per link and pass (re-create and in-place planning both ask, for every desired link, always
     * with the observed link of the same name, so the desired spec alone keys it), and carried to the next pass
     * while neither side changed (see {@link Memo}).
     */
    private List<Difference> kindDifferences(LinkSpec want, ObservedLink o) {
        if (want.kind() == null || o.kind() == null || o.spec() == null || want.kind() != o.kind()) {
            return List.of();
        }
        String peer = o.linkNetnsId() < 0 ? nameOf(o.parent()) : null;
        Carried c = next.byDesired.get(want);
        if (c == null) {
            c = previous.byDesired.get(want);
        }
        if (c == null || c.observed() != o || !Objects.equals(c.peerName(), peer)) {
            c = new Carried(o, peer, KindTraits.differences(want.kind(), want.spec(), observedSpec(o)).stream()
                    // peer-netns is not reported back by the kernel (only a netns id): not compared.
                    .filter(x -> !x.key().equals(KindTraits.PEER_NETNS)).toList());
        }
        next.byDesired.put(want, c);
        return c.differences();
    }

    /** The observed spec, with a veth-like peer's name taken from IFLA_LINK (rebuilt once per link and pass). */
    private KindSpec observedSpec(ObservedLink o) {
        if (o.kind() == null || o.spec() == null) {
            return o.spec();
        }
        return observedSpecs.computeIfAbsent(o, l -> KindTraits.withPeer(l.kind(), l.spec(),
                l.linkNetnsId() < 0 ? nameOf(l.parent()) : null));
    }

    /** A spec that recreates {@code o} as observed, or null when vlinkd does not know its kind. */
    private LinkSpec restoreSpec(ObservedLink o) {
        if (o.kind() == null || o.spec() == null) {
            return null;
        }
        LinkSpec s = LinkSpec.of(o.name(), o.kind(), observedSpec(o))
                .withMtu(o.mtu()).withState(o.up() ? AdminState.UP : AdminState.DOWN)
                .withTxqueuelen(o.txqueuelen());
        if (o.mac() != null) {
            s = s.withMac(o.mac());
        }
        if (o.master() > 0 && nameOf(o.master()) != null) {
            s = s.withMaster(nameOf(o.master()));
        }
        if (o.parent() > 0 && o.linkNetnsId() < 0 && !KindTraits.hasPeerOption(o.kind())
                && nameOf(o.parent()) != null) {
            s = s.withLink(nameOf(o.parent()));
        }
        if (o.alias() != null && !o.alias().isEmpty()) {
            s = s.withAlias(o.alias());
        }
        return s;
    }
}
