package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BINARY;
import static io.vlinkd.netlink.wire.AttrType.MAC;
import static io.vlinkd.netlink.wire.AttrType.NESTED;
import static io.vlinkd.netlink.wire.AttrType.S32;
import static io.vlinkd.netlink.wire.AttrType.STRING;
import static io.vlinkd.netlink.wire.AttrType.U32;
import static io.vlinkd.netlink.wire.AttrType.U8;
import static io.vlinkd.netlink.wire.AttrType.UNTERMINATED_STRING;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;

/** Link attributes common to every kind ({@code enum IFLA_*} in {@code <linux/if_link.h>}). */
public final class Ifla {
    private Ifla() {
    }

    public static final Attr IFLA_ADDRESS = Attr.of("IFLA_ADDRESS", 1, MAC);
    public static final Attr IFLA_BROADCAST = Attr.of("IFLA_BROADCAST", 2, MAC);
    public static final Attr IFLA_IFNAME = Attr.of("IFLA_IFNAME", 3, STRING);
    public static final Attr IFLA_MTU = Attr.of("IFLA_MTU", 4, U32);
    public static final Attr IFLA_LINK = Attr.of("IFLA_LINK", 5, U32);
    public static final Attr IFLA_QDISC = Attr.of("IFLA_QDISC", 6, STRING);
    public static final Attr IFLA_STATS = Attr.of("IFLA_STATS", 7, BINARY);
    public static final Attr IFLA_MASTER = Attr.of("IFLA_MASTER", 10, U32);
    public static final Attr IFLA_PROTINFO = Attr.of("IFLA_PROTINFO", 12, NESTED);
    public static final Attr IFLA_TXQLEN = Attr.of("IFLA_TXQLEN", 13, U32);
    public static final Attr IFLA_MAP = Attr.of("IFLA_MAP", 14, BINARY);
    public static final Attr IFLA_OPERSTATE = Attr.of("IFLA_OPERSTATE", 16, U8);
    public static final Attr IFLA_LINKMODE = Attr.of("IFLA_LINKMODE", 17, U8);
    public static final Attr IFLA_LINKINFO = Attr.of("IFLA_LINKINFO", 18, NESTED);
    public static final Attr IFLA_NET_NS_PID = Attr.of("IFLA_NET_NS_PID", 19, U32);
    /** iproute2 sends the alias without its NUL ({@code strlen}), golden/link/create-common.txt; NLA_STRING. */
    public static final Attr IFLA_IFALIAS = Attr.of("IFLA_IFALIAS", 20, UNTERMINATED_STRING);
    public static final Attr IFLA_STATS64 = Attr.of("IFLA_STATS64", 23, BINARY);
    public static final Attr IFLA_AF_SPEC = Attr.of("IFLA_AF_SPEC", 26, NESTED);
    public static final Attr IFLA_GROUP = Attr.of("IFLA_GROUP", 27, U32);
    public static final Attr IFLA_NET_NS_FD = Attr.of("IFLA_NET_NS_FD", 28, U32);
    public static final Attr IFLA_EXT_MASK = Attr.of("IFLA_EXT_MASK", 29, U32);
    public static final Attr IFLA_PROMISCUITY = Attr.of("IFLA_PROMISCUITY", 30, U32);
    public static final Attr IFLA_NUM_TX_QUEUES = Attr.of("IFLA_NUM_TX_QUEUES", 31, U32);
    public static final Attr IFLA_NUM_RX_QUEUES = Attr.of("IFLA_NUM_RX_QUEUES", 32, U32);
    public static final Attr IFLA_CARRIER = Attr.of("IFLA_CARRIER", 33, U8);
    public static final Attr IFLA_CARRIER_CHANGES = Attr.of("IFLA_CARRIER_CHANGES", 35, U32);
    public static final Attr IFLA_LINK_NETNSID = Attr.of("IFLA_LINK_NETNSID", 37, S32);
    public static final Attr IFLA_PROTO_DOWN = Attr.of("IFLA_PROTO_DOWN", 39, U8);
    public static final Attr IFLA_GSO_MAX_SEGS = Attr.of("IFLA_GSO_MAX_SEGS", 40, U32);
    public static final Attr IFLA_GSO_MAX_SIZE = Attr.of("IFLA_GSO_MAX_SIZE", 41, U32);
    public static final Attr IFLA_XDP = Attr.of("IFLA_XDP", 43, NESTED);
    public static final Attr IFLA_EVENT = Attr.of("IFLA_EVENT", 44, U32);
    public static final Attr IFLA_NEW_NETNSID = Attr.of("IFLA_NEW_NETNSID", 45, S32);
    public static final Attr IFLA_TARGET_NETNSID = Attr.of("IFLA_TARGET_NETNSID", 46, S32);
    public static final Attr IFLA_CARRIER_UP_COUNT = Attr.of("IFLA_CARRIER_UP_COUNT", 47, U32);
    public static final Attr IFLA_CARRIER_DOWN_COUNT = Attr.of("IFLA_CARRIER_DOWN_COUNT", 48, U32);
    public static final Attr IFLA_NEW_IFINDEX = Attr.of("IFLA_NEW_IFINDEX", 49, S32);
    public static final Attr IFLA_MIN_MTU = Attr.of("IFLA_MIN_MTU", 50, U32);
    public static final Attr IFLA_MAX_MTU = Attr.of("IFLA_MAX_MTU", 51, U32);
    public static final Attr IFLA_PROP_LIST = Attr.of("IFLA_PROP_LIST", 52, NESTED);
    public static final Attr IFLA_ALT_IFNAME = Attr.of("IFLA_ALT_IFNAME", 53, STRING);
    public static final Attr IFLA_PERM_ADDRESS = Attr.of("IFLA_PERM_ADDRESS", 54, MAC);
    public static final Attr IFLA_GRO_MAX_SIZE = Attr.of("IFLA_GRO_MAX_SIZE", 58, U32);
    public static final Attr IFLA_TSO_MAX_SIZE = Attr.of("IFLA_TSO_MAX_SIZE", 59, U32);
    public static final Attr IFLA_TSO_MAX_SEGS = Attr.of("IFLA_TSO_MAX_SEGS", 60, U32);
    public static final Attr IFLA_ALLMULTI = Attr.of("IFLA_ALLMULTI", 61, U32);

    public static final AttrSpace SPACE = AttrSpace.of("IFLA", IFLA_ADDRESS, IFLA_BROADCAST, IFLA_IFNAME, IFLA_MTU,
            IFLA_LINK, IFLA_QDISC, IFLA_STATS, IFLA_MASTER, IFLA_PROTINFO, IFLA_TXQLEN, IFLA_MAP, IFLA_OPERSTATE,
            IFLA_LINKMODE, IFLA_LINKINFO, IFLA_NET_NS_PID, IFLA_IFALIAS, IFLA_STATS64, IFLA_AF_SPEC, IFLA_GROUP,
            IFLA_NET_NS_FD, IFLA_EXT_MASK, IFLA_PROMISCUITY, IFLA_NUM_TX_QUEUES, IFLA_NUM_RX_QUEUES, IFLA_CARRIER,
            IFLA_CARRIER_CHANGES, IFLA_LINK_NETNSID, IFLA_PROTO_DOWN, IFLA_GSO_MAX_SEGS, IFLA_GSO_MAX_SIZE,
            IFLA_XDP, IFLA_EVENT, IFLA_NEW_NETNSID, IFLA_TARGET_NETNSID, IFLA_CARRIER_UP_COUNT,
            IFLA_CARRIER_DOWN_COUNT, IFLA_NEW_IFINDEX, IFLA_MIN_MTU, IFLA_MAX_MTU, IFLA_PROP_LIST, IFLA_ALT_IFNAME,
            IFLA_PERM_ADDRESS, IFLA_GRO_MAX_SIZE, IFLA_TSO_MAX_SIZE, IFLA_TSO_MAX_SEGS, IFLA_ALLMULTI);

    /** {@code IFLA_LINKINFO} nest (enum IFLA_INFO_*). */
    /** iproute2 sends the kind without its NUL ({@code strlen(type)}); the kernel's policy is NLA_STRING. */
    public static final Attr IFLA_INFO_KIND = Attr.of("IFLA_INFO_KIND", 1, UNTERMINATED_STRING);
    public static final Attr IFLA_INFO_DATA = Attr.of("IFLA_INFO_DATA", 2, NESTED);
    public static final Attr IFLA_INFO_XSTATS = Attr.of("IFLA_INFO_XSTATS", 3, BINARY);
    public static final Attr IFLA_INFO_SLAVE_KIND = Attr.of("IFLA_INFO_SLAVE_KIND", 4, UNTERMINATED_STRING);
    public static final Attr IFLA_INFO_SLAVE_DATA = Attr.of("IFLA_INFO_SLAVE_DATA", 5, NESTED);

    public static final AttrSpace INFO_SPACE = AttrSpace.of("IFLA_INFO", IFLA_INFO_KIND, IFLA_INFO_DATA,
            IFLA_INFO_XSTATS, IFLA_INFO_SLAVE_KIND, IFLA_INFO_SLAVE_DATA);

    /** An IFLA_EXT_MASK bit (rtnetlink.h): leave the counters out of the reply. */
    public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;
}
