package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.link.LinkSpec;

/** The common settings of a link as {@code ip link add|set} words, in iproute2's order. */
final class IpWords {
    private IpWords() {
    }

    static void common(LinkSpec s, StringBuilder sb) {
        s.mtu().ifPresent(m -> sb.append(" mtu ").append(m));
        s.mac().ifPresent(m -> sb.append(" address ").append(m));
        s.txqueuelen().ifPresent(q -> sb.append(" txqueuelen ").append(q));
        s.master().ifPresent(m -> sb.append(" master ").append(m));
        s.alias().ifPresent(a -> sb.append(" alias ").append(quote(a)));
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._:/@+-]+") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
