package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded RTM_NEWMDB / RTM_DELMDB / RTM_GETMDB: the bridge ({@code struct br_port_msg}: family, 3 bytes of padding, ifindex)
 * and its entries. A dump's message holds every entry of one bridge, a notification one.
 */
public record MdbMessage(int bridge, List<Entry> entries) {

    /** One entry, with who added it (MDBA_MDB_EATTR_RTPROT: RTPROT_STATIC, RTPROT_KERNEL; 0 when absent). */
    public record Entry(MdbEntry entry, int protocol) {
    }

    /** Empty entries for a message that is not a multicast database's, or holds only MAC groups. */
    public static MdbMessage decode(NlMessage m) throws MalformedMessageException {
        // A dump's replies are of type RTM_GETMDB (br_mdb_dump), notifications RTM_NEWMDB and RTM_DELMDB.
        if (m.type() != Rtnl.RTM_NEWMDB && m.type() != Rtnl.RTM_DELMDB && m.type() != Rtnl.RTM_GETMDB) {
            return new MdbMessage(0, List.of());
        }
        int bridge = m.u32(4);
        List<Entry> out = new ArrayList<>();
        for (RawAttr db : m.attributesAfter(8).all()) {
            if (db.type() != Mdba.MDBA_MDB.type()) {
                continue; // MDBA_ROUTER: the router ports
            }
            for (RawAttr group : Attrs.nested(db).all()) {
                for (RawAttr info : Attrs.nested(group).all()) {
                    byte[] p = info.payload();
                    MdbEntry e = MdbEntry.read(Arrays.copyOf(p, Math.min(p.length, MdbEntry.LENGTH)));
                    if (e == null) {
                        continue;
                    }
                    int protocol = 0;
                    if (p.length > MdbEntry.LENGTH) {
                        Attrs extra = Attrs.parse(p, MdbEntry.LENGTH, p.length - MdbEntry.LENGTH);
                        protocol = (int) extra.integer(Mdba.MDBA_MDB_EATTR_RTPROT, 0);
                    }
                    out.add(new Entry(e, protocol));
                }
            }
        }
        return new MdbMessage(bridge, List.copyOf(out));
    }
}
