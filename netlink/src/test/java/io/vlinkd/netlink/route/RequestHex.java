package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.NlRequest;
import java.util.HexFormat;

/** A request's bytes as the hex that the tests compare with iproute2's (its sequence number is zeroed). */
final class RequestHex {
    private RequestHex() {
    }

    static String hex(NlRequest r) {
        return HexFormat.of().formatHex(r.bytes());
    }
}
