package io.vlinkd.daemon.resource.link;

import io.vlinkd.daemon.state.LedgerFields;

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
 *
 * <p>Its line in the ownership ledger is {@code intent NAME KIND AFTER}, which
 * {@link io.vlinkd.daemon.state.OwnershipStore} files.
 */
public record LinkIntent(String name, String kind, int after) {

    /** The word that begins its ledger line. */
    public static final String LEDGER_WORD = "intent";

    /** The fields of its ledger line after the word, as the file's header and a damage report name them. */
    public static final String LEDGER_FIELDS = "NAME KIND AFTER";

    /** Appends the fields {@link #LEDGER_FIELDS} names, separated by spaces, to {@code to}. */
    public void writeLine(StringBuilder to) {
        to.append(name).append(' ').append(kind).append(' ').append(after);
    }

    /**
     * The intent whose fields {@link #writeLine} wrote: {@code f[1]} to {@code f[3]} ({@code f[0]} is the word; the
     * store has checked their number).
     *
     * @throws LedgerFields.BadLine the first of the name, the kind and AFTER that is wrong
     */
    public static LinkIntent readLine(String[] f) throws LedgerFields.BadLine {
        int after = LedgerFields.number(f[3]);
        OwnedLink.check(f[1], f[2], after >= 0, "AFTER is not a number");
        return new LinkIntent(f[1], f[2], after);
    }
}
