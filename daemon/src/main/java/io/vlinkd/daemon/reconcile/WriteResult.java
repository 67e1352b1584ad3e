package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import java.util.List;

/**
 * What became of one write: {@code error} is null when the kernel acknowledged it; {@code changed} is what a
 * generic netlink operation changed, in the operator's words (empty when it found everything as desired and sent
 * nothing, and always for an rtnetlink request).
 */
public record WriteResult(Write write, NetlinkException error, List<String> changed) {

    public static WriteResult ok(Write write) {
        return new WriteResult(write, null, List.of());
    }

    public static WriteResult refused(Write write, NetlinkException error) {
        return new WriteResult(write, error, List.of());
    }

    public boolean succeeded() {
        return error == null;
    }

    /**
     * The operator phrase of the step that made this write, once done: a generic netlink operation says what it
     * changed, or that all was already so.
     */
    public String done(String operation) {
        if (!(write instanceof Write.GenlOperation)) {
            return operation;
        }
        return changed.isEmpty() ? operation + " (already so)" : operation + " " + String.join(", ", changed);
    }
}
