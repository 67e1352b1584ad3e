package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;

/** {@code IFLA_VTI_*} (linux/if_tunnel.h): the IFLA_INFO_DATA of vti and vti6. */
public final class VtiAttrs {
    private VtiAttrs() {
    }

    public static final Attr IFLA_VTI_LINK = Attr.of("IFLA_VTI_LINK", 1, AttrType.U32);
    /** The key is the xfrm mark of the policies the tunnel matches; network byte order like a GRE key. */
    public static final Attr IFLA_VTI_IKEY = Attr.of("IFLA_VTI_IKEY", 2, AttrType.BE32);
    public static final Attr IFLA_VTI_OKEY = Attr.of("IFLA_VTI_OKEY", 3, AttrType.BE32);
    /** IPv4 for vti, IPv6 for vti6. */
    public static final Attr IFLA_VTI_LOCAL = Attr.of("IFLA_VTI_LOCAL", 4, AttrType.IP_ADDR);
    public static final Attr IFLA_VTI_REMOTE = Attr.of("IFLA_VTI_REMOTE", 5, AttrType.IP_ADDR);
    public static final Attr IFLA_VTI_FWMARK = Attr.of("IFLA_VTI_FWMARK", 6, AttrType.U32);

    public static final AttrSpace SPACE = AttrSpace.of("IFLA_VTI", IFLA_VTI_LINK, IFLA_VTI_IKEY, IFLA_VTI_OKEY,
            IFLA_VTI_LOCAL, IFLA_VTI_REMOTE, IFLA_VTI_FWMARK);
}
