package io.vlinkd.daemon.resource.address;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code ip addr ... A/LEN dev NAME proto P}: an address on the link {@code link}. A replace changes the lifetimes
 * (and, IPv6, the flags) of the address of the same local address and prefix in place.
 */
public record AddressObject(String link, AddressSpec address, int protocol) implements KernelObject {
    @Override
    public String noun() {
        return "address " + address;
    }

    @Override
    public Phase addPhase() {
        return Phase.ADD_ADDRESS;
    }

    @Override
    public Phase deletePhase() {
        return Phase.DELETE_ADDRESS;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return AddressRequests.add(ctx.ifindex(link), link, address, protocol);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return AddressRequests.replace(ctx.ifindex(link), link, address, protocol);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return AddressRequests.delete(ctx.ifindex(link), link, address);
    }

    @Override
    public String ipCommand(String verb) {
        return AddressRequests.ipCommand(verb, link, address, protocol);
    }

    /** Recorded with the index its link has after the apply: an address of a re-created link is a new one. */
    @Override
    public void own(Ledger ledger) {
        ObservedLink l = ledger.links().get(link);
        if (l != null) {
            ledger.lines(AddressType.TYPE).add(new OwnedAddress(l.name(), l.index(), address.address(),
                    address.prefixLength()));
        }
    }

    @Override
    public void disown(Ledger ledger) {
        ledger.lines(AddressType.TYPE).removeIf(x -> x.link().equals(link)
                && x.address().equals(address.address()) && x.prefixLength() == address.prefixLength());
    }
}
