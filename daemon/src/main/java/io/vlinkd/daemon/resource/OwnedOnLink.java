package io.vlinkd.daemon.resource;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.resource.link.ObservedLink;

/**
 * An object vlinkd added on the link {@code link} with index {@code ifindex} (an object of a re-created link is a new
 * one), identified there by {@code what}: a ledger line {@code WORD LINK IFINDEX WHAT...} of an {@link EntryListType}.
 */
public record OwnedOnLink<T>(String link, int ifindex, T what) {

    /** Records {@code what} on {@code link} as vlinkd's, with the index the link has after the apply. */
    public static <T> void own(KernelObject.Ledger ledger, ResourceType<?, ?, ?, OwnedOnLink<T>> type, String link,
                               T what) {
        ObservedLink l = ledger.links().get(link);
        if (l != null) {
            ledger.lines(type).add(new OwnedOnLink<>(l.name(), l.index(), what));
        }
    }

    /** Forgets {@code what} on {@code link} (vlinkd deleted it). */
    public static <T> void disown(KernelObject.Ledger ledger, ResourceType<?, ?, ?, OwnedOnLink<T>> type,
                                  String link, T what) {
        ledger.lines(type).removeIf(x -> x.link().equals(link) && x.what().equals(what));
    }
}
