package io.vlinkd.config;

import io.vlinkd.netlink.kind.BridgeSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.MtuRule;
import io.vlinkd.netlink.kind.VxlanSpec;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.VlanTunnel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the files' contents in order and runs the checks that need the whole config: an interface or route defined
 * twice (naming both places), references to interfaces the config does not define, ports in another namespace than
 * their master, a parent or a route device in another namespace, namespaces that do not exist, a peer's entry in
 * another namespace than its creator puts it, the MTU of an entry without kind: (a peer's takes its creator's
 * kind's MTUs), a bridge port's VLANs on a bridge that does not filter VLANs, a VLAN tunnel mapping of a VLAN the
 * port lacks or on a port without vlan-tunnel, and dependency cycles over
 * {@code link}, {@code master} and kind options that name interfaces.
 */
final class Merger {
    private final List<ConfigProblem> problems;
    private final NamespaceLookup namespaces;

    Merger(List<ConfigProblem> problems) {
        this(problems, NamespaceLookup.any());
    }

    Merger(List<ConfigProblem> problems, NamespaceLookup namespaces) {
        this.problems = problems;
        this.namespaces = namespaces;
    }

    /** The merged state, or empty when the files or the checks here found any problem. */
    Optional<DesiredState> merge(List<FileContents> files) {
        Map<String, InterfaceEntry> byName = new LinkedHashMap<>();
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                InterfaceEntry first = byName.putIfAbsent(e.name(), e);
                if (first != null) {
                    add(e.where(), e.path(), "interface " + e.name() + " is defined twice: here and at "
                            + first.where());
                }
            }
        }
        Map<String, InterfaceEntry> peerOf = peers(files, byName);
        Map<String, RouteEntry> routes = new HashMap<>();
        for (FileContents f : files) {
            for (RouteEntry r : f.routes()) {
                if (r.identity().isPresent()) {
                    RouteEntry first = routes.putIfAbsent(r.identity().get(), r);
                    if (first != null) {
                        add(r.where(), r.path(), "route " + r.identity().get() + " is defined twice: here and at "
                                + first.where());
                    }
                }
            }
        }
        Map<String, DesiredRule> rules = new HashMap<>();
        for (FileContents f : files) {
            for (DesiredRule r : f.rules()) {
                // The kernel refuses an identical rule (EEXIST), and two of them would be one rule in its table.
                DesiredRule first = rules.putIfAbsent(r.rule().toString(), r);
                if (first != null) {
                    add(r.where(), "rules", "rule " + r.rule() + " is defined twice: here and at " + first.where());
                }
            }
        }
        Map<Long, DesiredNexthop> nexthops = new HashMap<>();
        List<DesiredNexthop> allNexthops = new ArrayList<>();
        for (FileContents f : files) {
            for (DesiredNexthop n : f.nexthops()) {
                // The kernel keys nexthops by id: a second one would replace the first.
                DesiredNexthop first = nexthops.putIfAbsent(n.nexthop().id(), n);
                if (first != null) {
                    add(n.where(), "nexthops", "nexthop " + n.nexthop().id() + " is defined twice: here and at "
                            + first.where());
                } else {
                    allNexthops.add(n);
                }
            }
        }
        NexthopReader.checkGroups(allNexthops, this::add);
        checkReferences(files, byName, peerOf);
        checkNamespaces(files, byName, peerOf);
        checkKindlessMtus(files, peerOf);
        checkPortMasters(files, byName);
        checkBridgeVlans(files, byName);
        checkVlanTunnels(files);
        new CycleCheck(byName, peerOf, this::add).run();
        DaemonSettings settings = settings(files);

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<DesiredLink> links = new ArrayList<>();
        List<AbsentLink> absent = new ArrayList<>();
        List<DesiredRoute> desiredRoutes = new ArrayList<>();
        List<DesiredRule> desiredRules = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (FileContents f : files) {
            paths.add(f.file());
            for (InterfaceEntry e : f.interfaces()) {
                boolean createdByVlinkd = e.created() || peerOf.containsKey(e.name());
                e.link().map(l -> upByDefault(l, createdByVlinkd)).ifPresent(links::add);
                e.absent().ifPresent(absent::add);
            }
            f.routes().forEach(r -> r.route().ifPresent(desiredRoutes::add));
            desiredRules.addAll(f.rules());
        }
        return Optional.of(new DesiredState(List.copyOf(links), List.copyOf(absent), List.copyOf(desiredRoutes),
                settings, List.copyOf(paths), List.copyOf(desiredRules), List.copyOf(allNexthops)));
    }

    /**
     * Up by default: an entry without {@code state:} for an interface vlinkd creates (it has a {@code kind:}, or it
     * configures the peer another entry creates) is brought up, as nmstate, netplan and networkd bring up what they
     * configure. An entry without {@code kind:} for an interface vlinkd does not create (lo, an uplink) leaves its
     * state alone unless {@code state:} is given: adding an address to an uplink must not take it up or down.
     */
    private static DesiredLink upByDefault(DesiredLink d, boolean createdByVlinkd) {
        if (!createdByVlinkd || d.link().state().isPresent()) {
            return d;
        }
        return d.withLink(d.link().withState(AdminState.UP));
    }

    /**
     * Interfaces created as peers of others (a veth's other end), by name, mapped to the entry that creates them.
     * An entry without kind: may configure a peer (its addresses, mtu...); an entry with kind: or state: absent
     * under a peer's name, or two links creating the same peer, is a conflict.
     */
    private Map<String, InterfaceEntry> peers(List<FileContents> files, Map<String, InterfaceEntry> byName) {
        Map<String, InterfaceEntry> peerOf = new LinkedHashMap<>();
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                for (String peer : e.peers()) {
                    InterfaceEntry other = peerOf.putIfAbsent(peer, e);
                    if (other != null) {
                        add(e.where(), e.path(), "peer " + peer + " is also the peer of " + other.name() + " at "
                                + other.where());
                        continue;
                    }
                    InterfaceEntry defined = byName.get(peer);
                    if (defined != null && (defined.created() || defined.absent().isPresent())) {
                        add(defined.where(), defined.path(), "interface " + peer + " is created as the peer of "
                                + e.name() + " (at " + e.where() + "); an entry for it may configure it but not "
                                + (defined.created() ? "create" : "delete") + " it");
                    }
                }
            }
        }
        return peerOf;
    }

    private void checkReferences(List<FileContents> files, Map<String, InterfaceEntry> byName,
                                 Map<String, InterfaceEntry> peerOf) {
        List<String> names = new ArrayList<>(byName.keySet());
        peerOf.keySet().stream().filter(n -> !byName.containsKey(n)).forEach(names::add);
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                for (Reference r : e.references()) {
                    target(r, byName, peerOf, names).ifPresent(t -> {
                        if (r.role() == Reference.Role.MASTER && !t.netns().equals(e.netns())) {
                            // A port and its master must be in the same namespace (the kernel looks the master up
                            // in the port's namespace: ENODEV otherwise).
                            add(r.where(), r.key(), "master " + t.name() + " is in " + ns(t.netns())
                                    + " but " + e.name() + " is in " + ns(e.netns()));
                        } else if (r.role() != Reference.Role.MASTER && !t.netns().equals(e.netns())) {
                            // vlinkd creates a link with a socket inside the link's own namespace, where the
                            // kernel looks up IFLA_LINK and the interface options: a parent elsewhere is ENODEV.
                            add(r.where(), r.key(), t.name() + " is in " + ns(t.netns()) + " but " + e.name()
                                    + " is in " + ns(e.netns()) + "; an interface and the interfaces it is built on"
                                    + " must be in the same namespace");
                        }
                    });
                }
            }
            for (RouteEntry route : f.routes()) {
                route.dev().flatMap(r -> target(r, byName, peerOf, names).map(t -> Map.entry(r, t)))
                        .filter(rt -> rt.getValue().netns().isPresent())
                        .ifPresent(rt -> add(rt.getKey().where(), rt.getKey().key(), "interface " + rt.getValue().name()
                                + " is in " + ns(rt.getValue().netns()) + "; routes are installed in the daemon's"
                                + " namespace"));
            }
        }
    }

    /**
     * The entry a reference names, after reporting a name the config does not know or that is absent. A peer
     * without an entry of its own resolves to nothing (its namespace is the creating kind's business).
     */
    private Optional<InterfaceEntry> target(Reference r, Map<String, InterfaceEntry> byName,
                                            Map<String, InterfaceEntry> peerOf, List<String> names) {
        InterfaceEntry t = byName.get(r.to());
        if (t == null) {
            if (!peerOf.containsKey(r.to())) {
                add(r.where(), r.key(), "no interface '" + r.to() + "' in the config" + Near.hint(r.to(), names)
                        + "; declare one expected to exist with an entry without kind: (- name: " + r.to() + ")");
            }
            return Optional.empty();
        }
        if (t.absent().isPresent()) {
            add(r.where(), r.key(), "interface " + r.to() + " is state: absent (at " + t.where() + ")");
            return Optional.empty();
        }
        return Optional.of(t);
    }

    /**
     * Every named namespace must exist ({@code ip netns add NAME}); an entry that configures a peer (a veth's
     * other end) must be in the namespace its creator puts the peer in, since that is where it will be.
     */
    private void checkNamespaces(List<FileContents> files, Map<String, InterfaceEntry> byName,
                                 Map<String, InterfaceEntry> peerOf) {
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                for (NetnsRef r : e.netnsRefs()) {
                    if (!namespaces.exists(r.name())) {
                        add(r.where(), r.key(), "network namespace " + r.name() + " does not exist (no /run/netns/"
                                + r.name() + "; create it with ip netns add " + r.name() + ")");
                    }
                }
            }
        }
        for (Map.Entry<String, InterfaceEntry> p : peerOf.entrySet()) {
            InterfaceEntry entry = byName.get(p.getKey());
            InterfaceEntry creator = p.getValue();
            if (entry == null || entry.created() || entry.absent().isPresent()
                    || entry.netns().equals(creator.peerNetns())) {
                continue;
            }
            SourceLocation where = entry.netnsRefs().stream().filter(r -> !r.peer()).map(NetnsRef::where)
                    .findFirst().orElse(entry.where());
            add(where, entry.path() + ".netns", "interface " + entry.name() + " is created by " + creator.name()
                    + " (at " + creator.where() + ") in " + ns(creator.peerNetns()) + " but this entry is for "
                    + ns(entry.netns()) + creator.peerNetns().map(n -> "; add netns: " + n).orElse(""));
        }
    }

    /**
     * The {@code mtu:} of an entry without {@code kind:} against the MTUs of the device it configures. The entry
     * for a peer another entry creates takes the creator's kind's MTUs: a vxcan's other end is a vxcan and takes
     * the CAN frame sizes, a veth's the common range. Any other entry names an interface the config does not
     * create, whose kind is known only once the apply observes it; it is held to the common range, the MTUs of
     * every kind but the CAN ones: such an entry is an uplink, lo or a bridge someone else made nearly always, an
     * operator expects a value under 68 there (which would take IPv4 off the link) to be refused with its file,
     * line and column before anything is applied, not by the kernel halfway through an apply that then rolls back.
     */
    private void checkKindlessMtus(List<FileContents> files, Map<String, InterfaceEntry> peerOf) {
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                e.kindlessMtu().ifPresent(mtu -> {
                    Optional<InterfaceEntry> creator = Optional.ofNullable(peerOf.get(e.name()));
                    Optional<LinkKind<?>> kind = creator.flatMap(InterfaceEntry::kind);
                    kind.map(LinkKind::mtu).orElse(MtuRule.COMMON).problem(mtu.value()).ifPresent(problem ->
                            add(mtu.where(), mtu.key(), problem + kind.map(k -> " for a " + k.name() + " (the peer "
                                    + creator.orElseThrow().name() + " creates)").orElse("")));
                });
            }
        }
    }

    /**
     * A {@code bridge-port:} goes on a port of a bridge, a {@code bond-port:} on a port of a bond: the kernel
     * reads IFLA_INFO_SLAVE_DATA with the master's own policy. A master without kind: (an existing interface) is
     * the kernel's to judge.
     */
    private void checkPortMasters(List<FileContents> files, Map<String, InterfaceEntry> byName) {
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                Optional<PortSettings> port = e.link().flatMap(d -> d.link().port());
                if (port.isEmpty() || e.portAt().isEmpty()) {
                    continue;
                }
                String master = e.link().orElseThrow().link().master().orElseThrow();
                Optional<LinkKind<?>> kind = Optional.ofNullable(byName.get(master)).flatMap(InterfaceEntry::kind);
                String wanted = port.get().master().kind();
                if (kind.isPresent() && !kind.get().name().equals(wanted)) {
                    add(e.portAt().get(), e.path() + "." + port.get().master().configKey(),
                            port.get().master().configKey() + ": goes on a port of a " + wanted + "; master "
                                    + master + " is a " + kind.get().name());
                }
            }
        }
    }

    /**
     * {@code vlans:}, and an {@code fdb:} entry with {@code vlan:}, need a bridge that filters VLANs: the entry's
     * master (or, for {@code vlans:}, the entry itself, a bridge) must be a bridge with {@code vlan-filtering: true}
     * when the config defines it (kind: bridge); without it the kernel refuses every VLAN (EOPNOTSUPP, or a bridge
     * that ignores them) and every FDB entry with one (EINVAL). A master the config only names (an entry without
     * kind:) is someone else's bridge, known only once the apply observes it.
     */
    private void checkBridgeVlans(List<FileContents> files, Map<String, InterfaceEntry> byName) {
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                if (e.link().isEmpty()) {
                    continue;
                }
                SourceLocation vlans = e.sectionsAt().get(BridgeVlanSection.SECTION);
                if (vlans != null) {
                    checkFiltering(e, byName, vlans, e.path() + ".vlans", "vlans:", true);
                }
                SourceLocation fdb = e.sectionsAt().get(FdbSection.SECTION);
                if (fdb != null && e.link().get().objects(FdbSection.SECTION).stream()
                        .anyMatch(x -> x.vlan().isPresent())) {
                    checkFiltering(e, byName, fdb, e.path() + ".fdb", "an FDB entry with vlan:", false);
                }
            }
        }
    }

    private void checkFiltering(InterfaceEntry e, Map<String, InterfaceEntry> byName, SourceLocation at, String key,
                                String what, boolean selfToo) {
        LinkSpec l = e.link().get().link();
        boolean self = selfToo && l.kind() != null && l.kind().name().equals("bridge");
        InterfaceEntry bridge = self ? e : l.master().map(byName::get).orElse(null);
        if (bridge == null || bridge.kind().isEmpty() || bridge.link().isEmpty()) {
            return; // not defined here, or its own problems are reported
        }
        String kindName = bridge.kind().get().name();
        if (!kindName.equals("bridge")) {
            add(at, key, what + " belongs to a bridge port; master " + bridge.name() + " is a " + kindName);
        } else if (!(bridge.link().get().link().spec() instanceof BridgeSpec b && b.vlanFiltering().orElse(false))) {
            add(at, key, what + " needs VLAN filtering on bridge " + bridge.name() + " (at " + bridge.where()
                    + "): add vlan-filtering: true to its bridge: options");
        }
    }

    /**
     * {@code vlan-tunnel:} maps VLANs of the port: each must be in its {@code vlans:} (the kernel refuses a mapping
     * of a VLAN the port lacks), the port needs {@code bridge-port: { vlan-tunnel: true }} (BR_VLAN_TUNNEL: EINVAL
     * otherwise), and a VXLAN port {@code external: true} (only a metadata device takes the tunnel id per frame).
     */
    private void checkVlanTunnels(List<FileContents> files) {
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                SourceLocation at = e.sectionsAt().get(VlanTunnelSection.SECTION);
                if (at == null || e.link().isEmpty()) {
                    continue;
                }
                DesiredLink d = e.link().get();
                String key = e.path() + ".vlan-tunnel";
                Set<Integer> vids = new HashSet<>();
                d.objects(BridgeVlanSection.SECTION).forEach(v -> vids.add(v.vid()));
                for (VlanTunnel t : d.objects(VlanTunnelSection.SECTION)) {
                    if (!vids.contains(t.vid())) {
                        add(at, key, "VLAN " + t.vid() + " of vlan-tunnel: is not in this port's vlans:");
                    }
                }
                boolean flag = d.link().port().map(p -> p.values().entrySet().stream().anyMatch(o ->
                        o.getKey().key().equals("vlan-tunnel") && Boolean.TRUE.equals(o.getValue()))).orElse(false);
                if (!flag) {
                    add(at, key, "vlan-tunnel: needs bridge-port: { vlan-tunnel: true } on this port");
                }
                if (d.link().spec() instanceof VxlanSpec x && !x.external().orElse(false)) {
                    add(at, key, "vlan-tunnel: needs external: true in this VXLAN's vxlan: options (collect metadata)");
                }
            }
        }
    }

    private static String ns(Optional<String> netns) {
        return netns.map(n -> "netns " + n).orElse("the daemon's namespace");
    }

    private DaemonSettings settings(List<FileContents> files) {
        Map<String, FileContents.Setting> merged = new HashMap<>();
        for (FileContents f : files) {
            for (Map.Entry<String, FileContents.Setting> s : f.settings().entrySet()) {
                FileContents.Setting first = merged.putIfAbsent(s.getKey(), s.getValue());
                if (first != null) {
                    add(s.getValue().where(), "settings." + s.getKey(), "set twice: here and at " + first.where());
                }
            }
        }
        DaemonSettings d = DaemonSettings.defaults();
        return new DaemonSettings(
                Optional.ofNullable(merged.get("drift"))
                        .map(s -> DaemonSettings.DriftPolicy.valueOf(upper(s.value()))).orElse(d.drift()),
                Optional.ofNullable(merged.get("foreign"))
                        .map(s -> DaemonSettings.ForeignPolicy.valueOf(upper(s.value()))).orElse(d.foreign()),
                Optional.ofNullable(merged.get("on-error"))
                        .map(s -> DaemonSettings.OnError.valueOf(upper(s.value()))).orElse(d.onError()),
                Optional.ofNullable(merged.get("route-protocol"))
                        .map(s -> Integer.parseInt(s.value())).orElse(d.routeProtocol()),
                Optional.ofNullable(merged.get("resync-interval"))
                        .map(s -> java.time.Duration.ofSeconds(Long.parseLong(s.value()))).orElse(d.resyncInterval()));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private void add(SourceLocation where, String key, String message) {
        problems.add(new ConfigProblem(where, key, message));
    }
}
