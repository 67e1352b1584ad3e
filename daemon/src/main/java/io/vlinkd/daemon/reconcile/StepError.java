package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import java.util.Optional;

/**
 * A step that failed: the kernel's refusal ({@code cause}, with errno name, extack text and attribute path) or
 * another reason ({@code message}), and the config location of the interface.
 */
public record StepError(Step step, String message, NetlinkException cause, SourceLocation where) {

    public static StepError of(Step step, NetlinkException e) {
        return new StepError(step, e.getMessage(), e, step.where());
    }

    /**
     * As {@link #of(Step, NetlinkException)}, with an EEXIST on a create explained from {@code observed} (the state
     * the step was applied against): the kernel sends EEXIST without a word, and for a veth or vxcan it may be the
     * peer's name that is taken, not the one in the request line.
     */
    public static StepError of(Step step, NetlinkException e, ObservedState observed) {
        if (e.errno() == Errno.EEXIST && step instanceof Step.CreateLink c) {
            return new StepError(step, e.getMessage() + ": " + nameTaken(c, observed), e, step.where());
        }
        return of(step, e);
    }

    /** {@code the peer name vp0 is taken by an existing interface (kind dummy)}. */
    static String nameTaken(Step.CreateLink c, ObservedState observed) {
        if (c.spec().netns().isPresent()) {
            // Created in another namespace: what is taken there is not in this observation.
            return "the name " + c.link() + (KindTraits.hasPeerOption(c.spec().kind()) ? " or its peer's name" : "")
                    + " is taken in namespace " + c.spec().netns().get();
        }
        Optional<ObservedLink> self = observed.link(c.link());
        if (self.isPresent()) {
            return "the name " + c.link() + " is taken by an existing interface (" + describe(self.get()) + ")";
        }
        for (String peer : c.companions()) {
            Optional<ObservedLink> taken = observed.link(peer);
            if (taken.isPresent()) {
                return "the peer name " + peer + " is taken by an existing interface (" + describe(taken.get())
                        + ")";
            }
        }
        if (!c.companions().isEmpty()) {
            return "the name " + c.link() + " or the peer name " + String.join(", ", c.companions())
                    + " is taken (by an interface created since the last dump)";
        }
        if (KindTraits.hasPeerOption(c.spec().kind())) {
            return "the name " + c.link() + " is free here, so the peer's name is taken in the peer's namespace";
        }
        return "the name " + c.link() + " is taken (by an interface created since the last dump)";
    }

    private static String describe(ObservedLink l) {
        return l.kindName() == null ? "a device without a kind: a NIC, or lo" : "kind " + l.kindName();
    }

    /** {@code /etc/vlinkd/10.yaml:4:5: vx42: change ttl: RTM_NEWLINK vx42 (vxlan, change): EINVAL: ...}. */
    @Override
    public String toString() {
        return (where == null ? "" : where + ": ") + (step == null ? "" : step.link() + ": " + step.operation() + ": ")
                + message;
    }
}
