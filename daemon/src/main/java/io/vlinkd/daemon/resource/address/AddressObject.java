package io.vlinkd.daemon.resource.address;

import io.vlinkd.daemon.reconcile.KernelObject.Ledger;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.AddressSpec;

/**
 * {@code ip addr ... A/LEN dev NAME proto P}: an address on a link. A replace changes the lifetimes (and, IPv6, the
 * flags) of the address of the same local address and prefix in place.
 */
final class AddressObject {
    private static final ObjectForm<AddressSpec> FORM = new ObjectForm<>(a -> "address " + a,
            Phase.ADD_ADDRESS, Phase.DELETE_ADDRESS,
            (ctx, link, a, protocol) -> AddressRequests.add(ctx.ifindex(link), link, a, protocol),
            (ctx, link, a, protocol) -> AddressRequests.replace(ctx.ifindex(link), link, a, protocol),
            (ctx, link, a, protocol) -> AddressRequests.delete(ctx.ifindex(link), link, a),
            AddressRequests::ipCommand, new AddressLines());

    private AddressObject() {
    }

    static ResourceObject<AddressSpec> of(String link, AddressSpec address, int protocol) {
        return FORM.on(link, address, protocol);
    }

    /** An address's ledger line: {@link OwnedAddress}. */
    private static final class AddressLines implements Ledgered<AddressSpec> {
        /** Recorded with the index its link has after the apply: an address of a re-created link is a new one. */
        @Override
        public void own(Ledger ledger, String link, AddressSpec a) {
            ObservedLink l = ledger.links().get(link);
            if (l != null) {
                ledger.lines(AddressType.TYPE).add(new OwnedAddress(l.name(), l.index(), a.address(),
                        a.prefixLength()));
            }
        }

        @Override
        public void disown(Ledger ledger, String link, AddressSpec a) {
            ledger.lines(AddressType.TYPE).removeIf(x -> x.link().equals(link)
                    && x.address().equals(a.address()) && x.prefixLength() == a.prefixLength());
        }
    }
}
