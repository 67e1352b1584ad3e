package io.vlinkd.config;

import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.MtuRule;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.PairKind;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.wire.MacAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one entry of {@code interfaces}: the common keys, then the kind's section, whose keys and value types come
 * from the kind's {@link Option}s and whose cross-option rules come from {@link LinkKind#fromOptions}. Nothing here
 * knows a kind by name.
 */
final class InterfaceReader {
    /** The option of {@link PairKind.Peer} kinds (veth, vxcan) that puts the other end in a named namespace. */
    private static final String PEER_NETNS = "peer-netns";
    private final FileContext ctx;

    InterfaceReader(FileContext ctx) {
        this.ctx = ctx;
    }

    Optional<InterfaceEntry> read(Node item, int index) {
        String indexPath = "interfaces[" + index + "]";
        Optional<Mapping> read = Mapping.read(item, ctx, indexPath, "an interface (a mapping with name: and kind:)");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping m = read.get();
        Optional<Mapping.Field> nameField = m.get("name");
        if (nameField.isEmpty()) {
            ctx.add(item, indexPath, "an interface needs a name:");
            checkKeysWithoutName(m, indexPath);
            return Optional.empty();
        }
        List<Values.Ref> ignored = new ArrayList<>();
        Optional<String> name = Values.read(nameField.get().value(), Keys.NAME.type(), ctx, indexPath + ".name",
                ignored).map(String.class::cast);
        if (name.isEmpty()) {
            checkKeysWithoutName(m, indexPath);
            return Optional.empty();
        }
        final String path = "interfaces[" + name.get() + "]";
        SourceLocation where = ctx.at(item);
        int before = problemCount();

        Optional<String> state = m.get("state").flatMap(f -> read(f, Keys.STATE, path)).map(String.class::cast);
        if (state.isPresent() && state.get().equals("absent")) {
            for (Mapping.Field f : m.fields()) {
                if (!Keys.ABSENT.contains(f.key())) {
                    ctx.add(f.keyNode(), Mapping.join(path, f.key()),
                            "an interface with state: absent takes only name: (it is deleted)");
                }
            }
            // Kept even with extra keys (already reported): references to it are then reported as "absent".
            return Optional.of(new InterfaceEntry(name.get(), where, path, Optional.empty(), Optional.empty(),
                    Optional.of(new AbsentLink(name.get(), where)), List.of(), false, Optional.empty(), List.of(),
                    List.of(), Optional.empty(), Optional.empty(), Map.of()));
        }

        // The kind decides which section key is allowed.
        Optional<LinkKind<?>> kind = Optional.empty();
        Optional<Mapping.Field> kindField = m.get("kind");
        if (kindField.isPresent()) {
            kind = kind(kindField.get(), path);
        }
        String kindName = kind.map(LinkKind::name).orElse(null);
        for (Mapping.Field f : m.fields()) {
            if (Key.names(Keys.INTERFACE).contains(f.key()) || f.key().equals(kindName)) {
                continue;
            }
            if (LinkKinds.names().contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), kindField.isEmpty()
                        ? "a '" + f.key() + "' section needs kind: " + f.key()
                        : kindName == null ? "a '" + f.key() + "' section does not go with this kind"
                        : "a '" + f.key() + "' section does not go with kind: " + kindName);
            } else {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), "unknown key"
                        + Near.hint(f.key(), Keys.interfaceKeyNames(kindName)));
            }
        }

        List<Reference> references = new ArrayList<>();
        // The MTUs a device takes belong to its kind (a CAN device's are its frame sizes). An entry without kind:
        // may configure the peer another entry creates, of that entry's kind (a vxcan's other end takes CAN frame
        // sizes): an integer some kind takes is kept for the merge, which knows the creators (Merger
        // checkKindlessMtus); anything else is refused here in the words of the common range.
        MtuRule mtuRule = kind.map(LinkKind::mtu).orElse(MtuRule.COMMON);
        ValueType.Int anyKind = (ValueType.Int) key("mtu").type();
        Optional<Mapping.Field> mtuField = m.get("mtu");
        Optional<InterfaceEntry.KindlessMtu> kindlessMtu = mtuField.filter(f -> kindField.isEmpty())
                .flatMap(f -> Values.bigInteger(f.value())
                        .filter(n -> n.compareTo(BigInteger.valueOf(anyKind.min())) >= 0
                                && n.compareTo(BigInteger.valueOf(anyKind.max())) <= 0)
                        .map(n -> new InterfaceEntry.KindlessMtu(n.intValueExact(), ctx.at(f.value()),
                                path + ".mtu")));
        Optional<Integer> mtu = kindlessMtu.isPresent() ? kindlessMtu.map(InterfaceEntry.KindlessMtu::value)
                : mtuField.flatMap(f -> Values.read(f.value(), mtuRule.envelope(), ctx, path + ".mtu",
                        new ArrayList<>())).map(v -> ((Long) v).intValue());
        Optional<MacAddress> mac = m.get("mac").flatMap(f -> mac(f, path));
        Optional<String> master = m.get("master")
                .flatMap(f -> readRef(f, path, name.get(), Reference.Role.MASTER, references));
        List<Values.Ref> refs = new ArrayList<>();
        Optional<PortSettings> port = PortReader.read(m, ctx, path, refs);
        Optional<Ipv4Settings> ipv4 = Ipv4Reader.read(m, ctx, path);
        Optional<String> link = m.get("link")
                .flatMap(f -> readRef(f, path, name.get(), Reference.Role.LINK, references));
        Optional<String> alias = m.get("alias").flatMap(f -> read(f, key("alias"), path)).map(String.class::cast);
        Optional<Integer> txq = m.get("txqueuelen").flatMap(f -> read(f, key("txqueuelen"), path))
                .map(v -> ((Long) v).intValue());
        Optional<String> netns = m.get("netns").flatMap(f -> netns(f, path));
        List<NetnsRef> netnsRefs = new ArrayList<>();
        netns.ifPresent(ns -> netnsRefs.add(new NetnsRef(ns, ctx.at(m.get("netns").orElseThrow().value()),
                path + ".netns", false)));
        Optional<List<AddressSpec>> addresses = Optional.empty();
        if (m.has("addresses")) {
            addresses = AddressReader.read(m.get("addresses").orElseThrow().value(), ctx, path + ".addresses");
        }
        boolean exclusive = m.get("addresses-exclusive").flatMap(f -> read(f, key("addresses-exclusive"), path))
                .map(Boolean.class::cast).orElse(false);
        if (m.has("addresses-exclusive") && !m.has("addresses")) {
            ctx.add(m.get("addresses-exclusive").orElseThrow().keyNode(), path + ".addresses-exclusive",
                    "addresses-exclusive: needs addresses: (the addresses to keep)");
        }
        EntrySection.Entry facts = new EntrySection.Entry(name.get(), kind.map(LinkKind::name).orElse(null),
                m.has("master"));
        Map<EntrySection<?>, List<?>> sections = new LinkedHashMap<>();
        Map<EntrySection<?>, SourceLocation> sectionsAt = new LinkedHashMap<>();
        for (EntrySection<?> section : EntrySections.ALL) {
            String key = section.key().key();
            m.get(key).ifPresent(f -> sectionsAt.put(section, ctx.at(f.keyNode())));
            m.get(key).flatMap(f -> section.read(f.value(), ctx, path + "." + key, facts))
                    .ifPresent(list -> sections.put(section, list));
        }
        boolean adopt = m.get("adopt").flatMap(f -> read(f, key("adopt"), path)).map(Boolean.class::cast)
                .orElse(false);
        if (m.has("adopt") && kindField.isEmpty()) {
            // An entry without kind: configures an interface expected to exist and never owns it.
            ctx.add(m.get("adopt").orElseThrow().keyNode(), path + ".adopt",
                    "adopt: takes over a link of the entry's kind:; this entry has no kind: (an interface without "
                            + "kind: is configured as it is, never owned or deleted)");
        }
        if (link.isPresent() && kindField.isEmpty()) {
            // IFLA_LINK is fixed when a link is created; an existing interface's parent cannot be set.
            ctx.add(m.get("link").orElseThrow().keyNode(), path + ".link",
                    "link: names the parent of an interface vlinkd creates; this entry has no kind:");
        }

        if (mtu.isPresent() && kindlessMtu.isEmpty()) {
            Optional<String> bad = mtuRule.problem(mtu.get());
            if (bad.isPresent()) {
                ctx.add(m.get("mtu").orElseThrow().value(), path + ".mtu", bad.get() + " for a " + kindName);
            }
        }
        KindSpec spec = null;
        List<String> peers = new ArrayList<>();
        if (kind.isPresent()) {
            List<Mapping.Field> shorthands = new ArrayList<>();
            spec = kindSpec(kind.get(), m, kindField.orElseThrow(), name.get(), link, master, path, refs, peers,
                    shorthands);
            for (Mapping.Field f : shorthands) {
                EntrySection<?> section = EntrySections.withShorthand(kind.get().name(), f.key()).orElseThrow();
                section.withShorthand(sections.getOrDefault(section, List.of()), f, ctx,
                        path + "." + kind.get().name() + "." + f.key()).ifPresent(l -> sections.put(section, l));
            }
        }
        if (spec instanceof PairKind.Peer p && p.peerNetns().isPresent()) {
            String key = path + "." + kind.orElseThrow().name() + "." + PEER_NETNS;
            Node at = m.get(kind.orElseThrow().name()).map(Mapping.Field::value).orElse(item);
            if (at instanceof org.snakeyaml.engine.v2.nodes.MappingNode section) {
                for (org.snakeyaml.engine.v2.nodes.NodeTuple t : section.getValue()) {
                    if (Values.string(t.getKeyNode()).filter(PEER_NETNS::equals).isPresent()) {
                        at = t.getValueNode();
                    }
                }
            }
            netnsRefs.add(new NetnsRef(p.peerNetns().get(), ctx.at(at), key, true));
        }

        for (Values.Ref r : refs) {
            references.add(new Reference(name.get(), r.name(), ctx.at(r.node()), r.subKey(), Reference.Role.OPTION));
        }
        Optional<DesiredLink> desired = Optional.empty();
        if (problemCount() == before && (kindField.isEmpty() || kind.isPresent())) {
            LinkSpec ls = new LinkSpec(name.get(), kind.orElse(null), spec, mtu, mac,
                    state.map(s -> AdminState.valueOf(s.toUpperCase(Locale.ROOT))), master, link, alias, txq, netns, port, ipv4);
            desired = Optional.of(new DesiredLink(ls, addresses.orElse(List.of()), addresses.isPresent(), where,
                    adopt, exclusive, sections));
        }
        return Optional.of(new InterfaceEntry(name.get(), where, path, netns, desired, Optional.empty(),
                references, kindField.isPresent(), kind, List.copyOf(peers), List.copyOf(netnsRefs), kindlessMtu,
                port.map(p -> ctx.at(m.get(p.master().configKey()).orElseThrow().keyNode())), sectionsAt));
    }

    /** Unknown keys are still worth reporting when the name is missing or wrong. */
    private void checkKeysWithoutName(Mapping m, String path) {
        for (Mapping.Field f : m.fields()) {
            if (!Key.names(Keys.INTERFACE).contains(f.key()) && !LinkKinds.names().contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), "unknown key"
                        + Near.hint(f.key(), Keys.interfaceKeyNames(null)));
            }
        }
    }

    private Optional<LinkKind<?>> kind(Mapping.Field f, String path) {
        Optional<String> s = Values.string(f.value());
        if (s.isEmpty()) {
            ctx.add(f.value(), path + ".kind", "expected a kind name, got " + Values.describe(f.value()));
            return Optional.empty();
        }
        Optional<LinkKind<?>> k = LinkKinds.byName(s.get());
        if (k.isEmpty()) {
            String hint = Near.hint(s.get(), LinkKinds.names());
            ctx.add(f.value(), path + ".kind", "unknown kind '" + Values.printable(s.get()) + "'"
                    + (hint.isEmpty() ? "; known kinds: " + String.join(", ", LinkKinds.names()) : hint));
        }
        return k;
    }

    private KindSpec kindSpec(LinkKind<?> kind, Mapping m, Mapping.Field kindField, String name,
                              Optional<String> link, Optional<String> master, String path, List<Values.Ref> refs,
                              List<String> peers, List<Mapping.Field> shorthands) {
        String sectionPath = path + "." + kind.name();
        Optional<Mapping.Field> sectionField = m.get(kind.name());
        Mapping section = null;
        boolean clean = true;
        OptionValues.Builder values = OptionValues.builder();
        if (sectionField.isPresent()) {
            Node v = sectionField.get().value();
            if (v instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                section = null; // "dummy:" with nothing after it: no options
            } else {
                Optional<Mapping> read = Mapping.read(v, ctx, sectionPath, "the " + kind.name() + " options");
                clean = read.isPresent();
                section = read.orElse(null);
            }
        }
        if (section != null) {
            List<String> keys = new ArrayList<>(kind.options().stream().map(Option::key).toList());
            keys.addAll(Key.names(EntrySections.shorthandKeys(kind.name())));
            int before = problemCount();
            for (Mapping.Field f : section.fields()) {
                if (EntrySections.withShorthand(kind.name(), f.key()).isPresent()) {
                    shorthands.add(f); // read with its section's list, once that is read
                    continue;
                }
                Optional<Option> option = kind.options().stream().filter(o -> o.key().equals(f.key())).findFirst();
                if (option.isEmpty()) {
                    ctx.add(f.keyNode(), Mapping.join(sectionPath, f.key()), keys.isEmpty()
                            ? kind.name() + " has no options"
                            : "unknown " + kind.name() + " option" + Near.hint(f.key(), keys));
                    continue;
                }
                Optional<Object> val = Values.read(f.value(), option.get().type(), ctx,
                        Mapping.join(sectionPath, f.key()), refs);
                val.ifPresent(x -> values.put(f.key(), x));
                if (option.get().type() instanceof ValueType.PeerName && val.isPresent()) {
                    // A name this link creates with itself (a veth's peer): defined here, not referred to.
                    peers.add((String) val.get());
                }
            }
            clean = problemCount() == before;
        }
        if (!clean) {
            // Cross-option rules on a half-read section would only add noise ("needs a table" after a bad table).
            return null;
        }
        Problems problems = new Problems();
        KindSpec spec;
        try {
            spec = kind.fromOptions(values.build(), new LinkCommon(name, link, master), problems);
        } catch (RuntimeException e) {
            ctx.add(sectionField.map(Mapping.Field::keyNode).orElse(kindField.value()), sectionPath,
                    "internal error validating " + kind.name() + " options: " + e);
            return null;
        }
        for (Problems.Problem p : problems.all()) {
            report(p, m, section, sectionField, kindField, sectionPath, path);
        }
        return spec;
    }

    /** A kind's problem, at its option's value, at a common key's value, or at the section (or kind:) itself. */
    private void report(Problems.Problem p, Mapping entry, Mapping section, Optional<Mapping.Field> sectionField,
                        Mapping.Field kindField, String sectionPath, String path) {
        if (p.key() != null && section != null && section.has(p.key())) {
            ctx.add(section.get(p.key()).orElseThrow().value(), Mapping.join(sectionPath, p.key()), p.message());
        } else if (p.key() != null && entry.has(p.key()) && Key.names(Keys.INTERFACE).contains(p.key())) {
            ctx.add(entry.get(p.key()).orElseThrow().value(), Mapping.join(path, p.key()), p.message());
        } else if (sectionField.isPresent()) {
            ctx.add(sectionField.get().keyNode(), p.key() == null ? sectionPath : Mapping.join(sectionPath, p.key()),
                    p.message());
        } else {
            ctx.add(kindField.value(), p.key() == null ? path + ".kind" : Mapping.join(sectionPath, p.key()),
                    p.message());
        }
    }

    private Optional<Object> read(Mapping.Field f, Key key, String path) {
        return Values.read(f.value(), key.type(), ctx, Mapping.join(path, f.key()), new ArrayList<>());
    }

    private Optional<String> readRef(Mapping.Field f, String path, String from, Reference.Role role,
                                     List<Reference> out) {
        List<Values.Ref> mine = new ArrayList<>();
        Optional<String> v = Values.read(f.value(), key(f.key()).type(), ctx, Mapping.join(path, f.key()), mine)
                .map(String.class::cast);
        mine.forEach(r -> out.add(new Reference(from, r.name(), ctx.at(r.node()), r.subKey(), role)));
        return v;
    }

    private Optional<MacAddress> mac(Mapping.Field f, String path) {
        Optional<MacAddress> mac = read(f, key("mac"), path).map(MacAddress.class::cast);
        if (mac.isPresent() && (mac.get().isMulticast() || mac.get().isZero())) {
            // eth_validate_addr(): the kernel answers EADDRNOTAVAIL to a multicast or all-zero address.
            ctx.add(f.value(), path + ".mac", mac.get() + " is " + (mac.get().isZero() ? "all zeros" : "a multicast"
                    + " address") + "; an interface needs a unicast MAC (first byte even, like 02:...)");
            return Optional.empty();
        }
        return mac;
    }

    private Optional<String> netns(Mapping.Field f, String path) {
        Optional<String> s = read(f, key("netns"), path).map(String.class::cast);
        if (s.isPresent()) {
            Optional<String> problem = Names.netnsNameProblem(s.get());
            if (problem.isPresent()) {
                ctx.add(f.value(), path + ".netns", problem.get());
                return Optional.empty();
            }
        }
        return s;
    }

    private static Key key(String name) {
        return Keys.INTERFACE.stream().filter(k -> k.key().equals(name)).findFirst().orElseThrow();
    }

    private int problemCount() {
        return ctx.problemCount();
    }
}
