package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An object that vlinkd adds, replaces in place (NLM_F_REPLACE) and deletes whole, marked as its own by a protocol
 * number: an address on a link ({@link io.vlinkd.daemon.resource.address.AddressObject}), a route
 * ({@link io.vlinkd.daemon.resource.route.RouteObject}). Their step,
 * {@link Step.ObjectChange}, is written once for all of them; the object of each {@link ResourceType} implements
 * this interface.
 */
public interface KernelObject {

    /** The interface a step on this object is about (a route without a device names itself). */
    String link();

    /** What the operator phrase names after its verb: {@code address 192.0.2.10/24}. */
    String noun();

    /** The protocol number written with it: vlinkd's own, or, for a restore, the one it was observed with. */
    int protocol();

    /** The phase of its add and of its replace. */
    Phase addPhase();

    Phase deletePhase();

    NlRequest add(EncodeContext ctx);

    NlRequest replace(EncodeContext ctx);

    NlRequest delete(EncodeContext ctx);

    /** The equivalent iproute2 command for {@code verb}: {@code add}, {@code replace} or {@code del}. */
    String ipCommand(String verb);

    /** Records it in {@code ledger} as vlinkd's (vlinkd wrote it from the config, with its own protocol). */
    void own(Ledger ledger);

    /** Removes it from {@code ledger} (vlinkd deleted it). */
    void disown(Ledger ledger);

    /**
     * The lines of the ownership ledger of each {@link ResourceType} of {@link ResourceTypes#ALL} while the steps of
     * an apply are replayed onto it. {@code links} are the interfaces as observed after the apply, by name (an
     * address is recorded with its link's index).
     */
    final class Ledger {
        private final Map<String, ObservedLink> links;
        private final Map<ResourceType<?, ?, ?, ?>, Set<?>> lines = new HashMap<>();

        public Ledger(Map<String, ObservedLink> links, Ownership owned) {
            this.links = links;
            for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
                lines.put(t, new LinkedHashSet<>(t.recorded(owned)));
            }
        }

        public Map<String, ObservedLink> links() {
            return links;
        }

        /** The lines of {@code type}, to add to and remove from. */
        public <L> Set<L> lines(ResourceType<?, ?, ?, L> type) {
            @SuppressWarnings("unchecked") // put by the constructor as a copy of type.recorded(owned): a Set<L>
            Set<L> s = (Set<L>) lines.get(type);
            return s;
        }

        /** {@code links}, with the lines of every type as replayed. */
        public Ownership recorded(Ownership links) {
            Ownership o = links;
            for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
                o = withLines(o, t);
            }
            return o;
        }

        private <L> Ownership withLines(Ownership o, ResourceType<?, ?, ?, L> type) {
            return type.withRecorded(o, lines(type));
        }
    }
}
