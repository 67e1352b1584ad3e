package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;

/**
 * What one step sends to the kernel, built at apply time on the interface indexes of that moment: an rtnetlink
 * request, or an operation over generic netlink. {@link KernelPort#execute} runs a wave of them; nothing else
 * decides how a step reaches the kernel.
 */
public sealed interface Write permits Write.RtnlRequest, Write.GenlOperation {

    /** One line naming the write, for errors: {@code RTM_NEWLINK br0 (bridge)}, {@code genl configure team0}. */
    String summary();

    /** An rtnetlink request: sent pipelined with the other requests of its wave. */
    record RtnlRequest(NlRequest request) implements Write {
        @Override
        public String summary() {
            return request.summary();
        }
    }

    /**
     * An operation over generic netlink: it reads the kernel's current values first and sends only those that
     * differ, so its result says what it changed. Team options today; WireGuard peers and MACsec keys are the next.
     */
    sealed interface GenlOperation extends Write permits LinkOptions {

        /** Runs the operation; returns what it changed, in the operator's words, empty when nothing was sent. */
        List<String> run(GenericNetlink genl) throws NetlinkException;
    }

    /**
     * The options of a {@link PostCreateConfiguration} kind (a team's mode) set on link {@code name}, index
     * {@code ifindex} ({@link Step.ConfigureLink} makes it only for such a kind).
     */
    record LinkOptions(LinkKind<?> kind, int ifindex, String name, KindSpec desired) implements GenlOperation {
        @Override
        public List<String> run(GenericNetlink genl) throws NetlinkException {
            return kind.typed(desired).configure(genl, ifindex, name);
        }

        @Override
        public String summary() {
            return "genl configure " + name;
        }
    }
}
