package io.vlinkd.daemon.resource;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * A kernel object of a resource type other than links: {@code spec} on the interface {@code link} (or the name a
 * step shows for an object on none), written with {@code protocol} (0 where the kernel keeps none and the ledger
 * alone says what is vlinkd's). Its type's {@link ObjectForm} says what it is in requests, commands and the ledger.
 */
public record ResourceObject<S>(ObjectForm<S> form, String link, S spec, int protocol) implements KernelObject {
    @Override
    public String noun() {
        return form.noun().apply(spec);
    }

    @Override
    public Phase addPhase() {
        return form.addPhase();
    }

    @Override
    public Phase deletePhase() {
        return form.deletePhase();
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return form.add().of(ctx, link, spec, protocol);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return form.replace().of(ctx, link, spec, protocol);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return form.delete().of(ctx, link, spec, protocol);
    }

    @Override
    public String ipCommand(String verb) {
        return form.command().of(verb, link, spec, protocol);
    }

    @Override
    public void own(Ledger ledger) {
        form.ledger().own(ledger, link, spec);
    }

    @Override
    public void disown(Ledger ledger) {
        form.ledger().disown(ledger, link, spec);
    }
}
