package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;

/** Multicast database attributes ({@code <linux/if_bridge.h>}: MDBA_*, MDBA_MDB_*, MDBA_MDB_EATTR_*). */
public final class Mdba {
    private Mdba() {
    }

    /** A request's entry: {@code struct br_mdb_entry}. */
    public static final Attr MDBA_SET_ENTRY = Attr.of("MDBA_SET_ENTRY", 1, AttrType.BINARY);
    /** A dump's or notification's database: MDBA_MDB_ENTRY nests, each holding MDBA_MDB_ENTRY_INFO. */
    public static final Attr MDBA_MDB = Attr.of("MDBA_MDB", 1, AttrType.NESTED);
    public static final Attr MDBA_MDB_ENTRY = Attr.of("MDBA_MDB_ENTRY", 1, AttrType.NESTED);
    /** {@code struct br_mdb_entry}, followed by MDBA_MDB_EATTR_* attributes. */
    public static final Attr MDBA_MDB_ENTRY_INFO = Attr.of("MDBA_MDB_ENTRY_INFO", 1, AttrType.BINARY);
    /** Who added it (RTPROT_*: static for a user's entry, kernel for a snooped one; 5.10+). */
    public static final Attr MDBA_MDB_EATTR_RTPROT = Attr.of("MDBA_MDB_EATTR_RTPROT", 5, AttrType.U8);
}
