package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.Optional;

/** A decoded RTM_NEWNEIGH / RTM_DELNEIGH of family AF_BRIDGE: one FDB entry (one remote of a VXLAN's entry). */
public record FdbMessage(NdMsg header, FdbSpec entry, int master) {

    /** The FDB entry of {@code m}; empty when it is not one (another family, or no 6-byte link-layer address). */
    public static Optional<FdbMessage> decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWNEIGH && m.type() != Rtnl.RTM_DELNEIGH) {
            return Optional.empty();
        }
        NdMsg hdr = NdMsg.read(m);
        if (hdr.family() != Rtnl.AF_BRIDGE) {
            return Optional.empty();
        }
        Attrs a = m.attributesAfter(NdMsg.LENGTH);
        byte[] ll = a.bytes(Nda.NDA_LLADDR).orElse(null);
        if (ll == null || ll.length != 6) {
            return Optional.empty();
        }
        FdbSpec e = new FdbSpec(MacAddress.of(ll), a.integer(Nda.NDA_VLAN).map(Long::intValue),
                a.address(Nda.NDA_DST), a.integer(Nda.NDA_VNI), a.integer(Nda.NDA_PORT).map(Long::intValue),
                (hdr.flags() & Rtnl.NTF_STICKY) != 0);
        return Optional.of(new FdbMessage(hdr, e, (int) a.integer(Nda.NDA_MASTER, 0)));
    }

    /** Added as static or permanent (NUD_NOARP, NUD_PERMANENT), not learned from traffic. */
    public boolean isStatic() {
        return (header.state() & (Rtnl.NUD_NOARP | Rtnl.NUD_PERMANENT)) != 0;
    }
}
