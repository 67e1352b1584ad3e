package io.vlinkd.daemon.resource.link;

import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.kind.LinkKinds;

/**
 * A link vlinkd created: name, the ifindex it got, and its kind. The index tells our link from a namesake someone
 * else made after ours was deleted behind our back. Its line in the ownership ledger is
 * {@code link NAME IFINDEX KIND}, which {@link io.vlinkd.daemon.state.OwnershipStore} files.
 */
public record OwnedLink(String name, int ifindex, String kind) {

    /** The word that begins its ledger line. */
    public static final String LEDGER_WORD = "link";

    /** The fields of its ledger line after the word, as the file's header and a damage report name them. */
    public static final String LEDGER_FIELDS = "NAME IFINDEX KIND";

    /** Appends the fields {@link #LEDGER_FIELDS} names, separated by spaces, to {@code to}. */
    public void writeLine(StringBuilder to) {
        to.append(name).append(' ').append(ifindex).append(' ').append(kind);
    }

    /**
     * The link whose fields {@link #writeLine} wrote: {@code f[1]} to {@code f[3]} ({@code f[0]} is the word; the
     * store has checked their number).
     *
     * @throws LedgerFields.BadLine the first of the name, the kind and the ifindex that is wrong
     */
    public static OwnedLink readLine(String[] f) throws LedgerFields.BadLine {
        int index = LedgerFields.number(f[2]);
        check(f[1], f[3], index > 0, "ifindex is not a positive number");
        return new OwnedLink(f[1], index, f[3]);
    }

    /**
     * Checks a link's or an intent's ledger line: its NAME, then its KIND (a kind vlinkd knows), then its number
     * ({@code numberProblem} unless {@code numberFits}).
     *
     * @throws LedgerFields.BadLine the first of them that is wrong
     */
    static void check(String name, String kind, boolean numberFits, String numberProblem)
            throws LedgerFields.BadLine {
        String bad = LedgerFields.checkName(name);
        if (bad == null) {
            bad = LinkKinds.byName(kind).isPresent() ? null : "unknown kind '" + kind + "'";
        }
        if (bad == null && !numberFits) {
            bad = numberProblem;
        }
        if (bad != null) {
            throw new LedgerFields.BadLine(bad);
        }
    }
}
