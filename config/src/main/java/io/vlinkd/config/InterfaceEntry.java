package io.vlinkd.config;

import io.vlinkd.netlink.kind.LinkKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code interfaces}, as read from one file, before the config-wide checks. An entry with a valid name
 * is kept even when something else in it is wrong, so that references to it do not add a second, misleading error.
 *
 * @param link   the validated link, empty when the entry had problems or is {@code state: absent}
 * @param absent present for {@code state: absent}
 * @param netns   the namespace the interface lives in, empty for the daemon's own
 * @param created true when the entry has {@code kind:} (vlinkd creates it)
 * @param kind    the entry's kind, empty without {@code kind:} or with an unknown one; its peers are of it too
 * @param peers   other interfaces created with this one (a veth's peer), which other entries may name
 * @param netnsRefs the named namespaces the entry names ({@code netns:}, {@code peer-netns:}), with their places
 * @param kindlessMtu the {@code mtu:} of an entry without {@code kind:}, which only the merge can check: whether
 *                    the entry configures a peer, and so which kind's MTUs it takes, depends on the other entries
 * @param portAt where its {@code bridge-port:} or {@code bond-port:} key is, when it has one: the merge checks its
 *               master
 * @param sectionsAt  where the entry's {@link EntrySection} keys are written, for the checks that need the other
 *                    entries (a port's {@code vlans:} and its bridge's VLAN filtering)
 */
record InterfaceEntry(String name, SourceLocation where, String path, Optional<String> netns,
                      Optional<DesiredLink> link, Optional<AbsentLink> absent, List<Reference> references,
                      boolean created, Optional<LinkKind<?>> kind, List<String> peers, List<NetnsRef> netnsRefs,
                      Optional<KindlessMtu> kindlessMtu, Optional<SourceLocation> portAt,
                      Map<EntrySection<?>, SourceLocation> sectionsAt) {

    /** An {@code mtu:} value, where it is written and its key path, for a check after the merge. */
    record KindlessMtu(int value, SourceLocation where, String key) {
    }

    /** The namespace the entry's peer is created in: its {@code peer-netns}, else the entry's own namespace. */
    Optional<String> peerNetns() {
        return netnsRefs.stream().filter(NetnsRef::peer).map(NetnsRef::name).findFirst().or(() -> netns);
    }
}
