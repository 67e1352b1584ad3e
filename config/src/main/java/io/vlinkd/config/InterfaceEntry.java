package io.vlinkd.config;

import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code interfaces}, as read from one file, before the config-wide checks. An entry with a valid name
 * is kept even when something else in it is wrong, so that references to it do not add a second, misleading error.
 *
 * @param link   the validated link, empty when the entry had problems or is {@code state: absent}
 * @param absent present for {@code state: absent}
 * @param netns   the namespace the interface lives in, empty for the daemon's own
 * @param created true when the entry has {@code kind:} (vlinkd creates it)
 * @param peers   other interfaces created with this one (a veth's peer), which other entries may name
 * @param netnsRefs the named namespaces the entry names ({@code netns:}, {@code peer-netns:}), with their places
 */
record InterfaceEntry(String name, SourceLocation where, String path, Optional<String> netns,
                      Optional<DesiredLink> link, Optional<AbsentLink> absent, List<Reference> references,
                      boolean created, List<String> peers, List<NetnsRef> netnsRefs) {

    /** The namespace the entry's peer is created in: its {@code peer-netns}, else the entry's own namespace. */
    Optional<String> peerNetns() {
        return netnsRefs.stream().filter(NetnsRef::peer).map(NetnsRef::name).findFirst().or(() -> netns);
    }
}
