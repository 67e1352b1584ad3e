package io.vlinkd.daemon.resource.nexthop;

/** A nexthop vlinkd installed, as its ledger line records it: {@code nexthop ID}, the id being its key. */
public record OwnedNexthop(long id) {
}
