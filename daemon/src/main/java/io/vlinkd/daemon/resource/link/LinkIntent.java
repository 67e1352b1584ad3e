package io.vlinkd.daemon.resource.link;

/**
 * A link vlinkd is about to create (the write-ahead entry of the ledger): its name and kind, and the highest
 * ifindex the namespace had before the request was sent. The kernel hands out ifindexes in increasing order
 * (net/core/dev.c dev_index_reserve: the next free index after the last one given), so the link the request
 * creates gets an index above {@code after}; a namesake that already existed when the intent was written has one
 * at or below it and is never claimed by it.
 *
 * <p>An intent is resolved at the next load after a crash ({@code kill -9} between the request and the ledger's
 * update): a link of that name and kind, with an index above {@code after} and not recorded otherwise, is
 * vlinkd's; anything else (no such link, another kind, an older index) drops the intent.
 */
public record LinkIntent(String name, String kind, int after) {
}
