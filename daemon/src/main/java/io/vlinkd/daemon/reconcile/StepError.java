package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.SourceLocation;
import io.vlinkd.netlink.NetlinkException;

/**
 * A step that failed: the kernel's refusal ({@code cause}, with errno name, extack text and attribute path) or
 * another reason ({@code message}), and the config location of the interface.
 */
public record StepError(Step step, String message, NetlinkException cause, SourceLocation where) {

    public static StepError of(Step step, NetlinkException e) {
        return new StepError(step, e.getMessage(), e, step.where());
    }

    /** {@code /etc/vlinkd/10.yaml:4:5: vx42: change ttl: RTM_NEWLINK vx42 (vxlan, change): EINVAL: ...}. */
    @Override
    public String toString() {
        return (where == null ? "" : where + ": ") + (step == null ? "" : step.link() + ": " + step.operation() + ": ")
                + message;
    }
}
