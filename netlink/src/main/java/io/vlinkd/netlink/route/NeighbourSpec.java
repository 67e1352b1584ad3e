package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.util.HexFormat;

/**
 * A permanent neighbour entry ({@code ip neigh replace ADDRESS lladdr LLADDR nud permanent}): the IPv4 (ARP) or
 * IPv6 (NDP) address of a host on the link and its link-layer address, colon-separated lower-case hex (6 bytes on
 * Ethernet, as the config writes it; an entry observed on a tunnel may have 4 or 16, one on a device without ARP
 * none: null). A proxy entry ({@code ip neigh replace proxy ADDRESS}) has none: the host answers ARP and NDP for
 * {@code address} on the link itself.
 */
public record NeighbourSpec(InetAddress address, String lladdr, boolean proxy) {

    public NeighbourSpec(InetAddress address, String lladdr) {
        this(address, lladdr, false);
    }

    private static final HexFormat HEX = HexFormat.ofDelimiter(":");

    /** The link-layer address's bytes; empty when it has none. */
    public byte[] lladdrBytes() {
        return lladdr == null ? new byte[0] : HEX.parseHex(lladdr);
    }

    static String format(byte[] lladdr) {
        return HEX.formatHex(lladdr);
    }

    @Override
    public String toString() {
        return (proxy ? "proxy " : "") + IpText.format(address) + (lladdr == null ? "" : " lladdr " + lladdr);
    }
}
