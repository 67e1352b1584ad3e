package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_REPLACE;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Builds the rtnetlink address requests in iproute2's attribute order ({@code ip addr add 192.0.2.10/24 dev d0}
 * sends ifaddrmsg, IFA_LOCAL, IFA_ADDRESS: captured with strace from iproute2 6.1).
 */
public final class AddressRequests {
    /** INFINITY_LIFE_TIME. */
    private static final long FOREVER = 0xffffffffL;

    private AddressRequests() {
    }

    /** {@code ip addr add A/LEN [peer P] [valid_lft V preferred_lft P] dev NAME}. */
    public static NlRequest add(int index, String dev, AddressSpec a) {
        return add(index, dev, a, 0);
    }

    /**
     * {@code ip addr add A/LEN ... proto P dev NAME}: {@code protocol} (1..255) goes in IFA_PROTO (kernel 5.18+;
     * an older kernel ignores the attribute); 0 sends none.
     */
    public static NlRequest add(int index, String dev, AddressSpec a, int protocol) {
        return newAddr(index, dev, a, protocol, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, "RTM_NEWADDR ");
    }

    /**
     * {@code ip addr replace ...}: NLM_F_REPLACE on an existing address sets its lifetimes and protocol (IPv4,
     * net/ipv4/devinet.c) and also its flags (IPv6, inet6_addr_modify()).
     */
    public static NlRequest replace(int index, String dev, AddressSpec a, int protocol) {
        return newAddr(index, dev, a, protocol, NLM_F_CREATE | NLM_F_REPLACE | NLM_F_ACK, "RTM_NEWADDR replace ");
    }

    private static NlRequest newAddr(int index, String dev, AddressSpec a, int protocol, int flags, String what) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWADDR, flags);
        writeBody(w, index, a);
        if (a.noprefixroute()) {
            w.putInt(Ifa.IFA_FLAGS, Rtnl.IFA_F_NOPREFIXROUTE);
        }
        if (protocol > 0) {
            w.putInt(Ifa.IFA_PROTO, protocol);
        }
        if (a.validLifetime().isPresent() || a.preferredLifetime().isPresent()) {
            // struct ifa_cacheinfo {ifa_prefered, ifa_valid, cstamp, tstamp}; 0xffffffff is "forever" (also what
            // the kernel takes without the attribute).
            long valid = a.validLifetime().orElse(FOREVER);
            long preferred = a.preferredLifetime().orElse(valid);
            byte[] ci = new byte[16];
            putU32(ci, 0, preferred);
            putU32(ci, 4, valid);
            w.putBytes(Ifa.IFA_CACHEINFO, ci);
        }
        return w.finish(what + a + " dev " + dev);
    }

    /** {@code ip addr del A/LEN dev NAME}. */
    public static NlRequest delete(int index, String dev, AddressSpec a) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELADDR, NLM_F_ACK);
        writeBody(w, index, a);
        return w.finish("RTM_DELADDR " + a + " dev " + dev);
    }

    /** {@code ip addr show}: every address of every family. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETADDR, NLM_F_DUMP);
        new IfAddrMsg(Rtnl.AF_UNSPEC, 0, 0, 0, 0).writeTo(w);
        return w.finish("RTM_GETADDR dump");
    }

    /** The equivalent command, for plans and logs. */
    public static String ipCommand(boolean add, String dev, AddressSpec a) {
        return ipCommand(add, dev, a, 0);
    }

    /** The equivalent command, with {@code proto P} when {@code protocol} is not 0. */
    public static String ipCommand(boolean add, String dev, AddressSpec a, int protocol) {
        return ipCommand(add ? "add" : "del", dev, a, protocol);
    }

    /** The equivalent command of {@code verb} (add, replace, del). */
    public static String ipCommand(String verb, String dev, AddressSpec a, int protocol) {
        boolean add = !verb.equals("del");
        StringBuilder sb = new StringBuilder("ip addr ").append(verb).append(' ')
                .append(IpText.format(a.address())).append('/').append(a.prefixLength());
        a.peer().ifPresent(p -> sb.append(" peer ").append(IpText.format(p)));
        if (add) {
            if (a.validLifetime().isPresent() || a.preferredLifetime().isPresent()) {
                String valid = a.validLifetime().map(String::valueOf).orElse("forever");
                sb.append(" valid_lft ").append(valid).append(" preferred_lft ")
                        .append(a.preferredLifetime().map(String::valueOf).orElse(valid));
            }
        }
        if (add && a.noprefixroute()) {
            sb.append(" noprefixroute");
        }
        sb.append(" dev ").append(dev);
        if (add && protocol > 0) {
            sb.append(" proto ").append(protocol);
        }
        return sb.toString();
    }

    public static int family(InetAddress a) {
        return a instanceof Inet4Address ? Rtnl.AF_INET : Rtnl.AF_INET6;
    }

    private static void writeBody(MessageWriter w, int index, AddressSpec a) {
        new IfAddrMsg(family(a.address()), a.prefixLength(), 0, 0, index).writeTo(w);
        // iproute2 sends IFA_LOCAL then IFA_ADDRESS for both families; IFA_ADDRESS is the peer on a
        // point-to-point address, otherwise the address itself.
        w.putAddress(Ifa.IFA_LOCAL, a.address());
        w.putAddress(Ifa.IFA_ADDRESS, a.peer().orElse(a.address()));
    }

    private static void putU32(byte[] b, int off, long v) {
        int x = (int) v;
        // Host byte order, like every integer in rtnetlink structs; the machines are little-endian.
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            b[off] = (byte) x;
            b[off + 1] = (byte) (x >>> 8);
            b[off + 2] = (byte) (x >>> 16);
            b[off + 3] = (byte) (x >>> 24);
        } else {
            b[off] = (byte) (x >>> 24);
            b[off + 1] = (byte) (x >>> 16);
            b[off + 2] = (byte) (x >>> 8);
            b[off + 3] = (byte) x;
        }
    }
}
