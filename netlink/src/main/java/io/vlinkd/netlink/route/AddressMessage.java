package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;

/**
 * A decoded RTM_NEWADDR / RTM_DELADDR message.
 *
 * @param local   IFA_LOCAL (the interface's own address; on point-to-point links IFA_ADDRESS is the peer)
 * @param address IFA_ADDRESS
 * @param flags   IFA_FLAGS when present (it carries the full 32 bits), else ifa_flags
 */
public record AddressMessage(int messageType, IfAddrMsg header, InetAddress local, InetAddress address, String label,
                             int flags, Attrs attrs) {

    public int index() {
        return header.index();
    }

    public int prefixLength() {
        return header.prefixLength();
    }

    /** The interface's own address: IFA_LOCAL when present (IPv4), else IFA_ADDRESS (IPv6). */
    public InetAddress own() {
        return local != null ? local : address;
    }

    /** The peer of a point-to-point address, or null. */
    public InetAddress peer() {
        return local != null && address != null && !local.equals(address) ? address : null;
    }

    public static AddressMessage decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWADDR && m.type() != Rtnl.RTM_DELADDR) {
            throw new MalformedMessageException("not an address message: " + Rtnl.typeName(m.type()));
        }
        IfAddrMsg hdr = IfAddrMsg.read(m);
        Attrs a = m.attributesAfter(IfAddrMsg.LENGTH);
        return new AddressMessage(m.type(), hdr, a.address(Ifa.IFA_LOCAL).orElse(null),
                a.address(Ifa.IFA_ADDRESS).orElse(null), a.string(Ifa.IFA_LABEL).orElse(null),
                (int) a.integer(Ifa.IFA_FLAGS, hdr.flags()), a);
    }
}
