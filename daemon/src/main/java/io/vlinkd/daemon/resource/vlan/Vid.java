package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.daemon.state.LedgerFields;

/** The VID field of a bridge VLAN's and a VLAN tunnel mapping's ledger line. */
final class Vid {
    private Vid() {
    }

    /** The VID {@code field} holds: 1..4094. */
    static int read(String field) throws LedgerFields.BadLine {
        int vid = LedgerFields.number(field);
        if (vid < 1 || vid > 4094) {
            throw new LedgerFields.BadLine("VID is not 1..4094");
        }
        return vid;
    }
}
