package io.vlinkd.netlink.wire;

import java.util.List;

/**
 * One finished request: its bytes (sequence number 0 until the socket assigns one), a one-line summary for errors
 * ({@code RTM_NEWLINK vx0 (vxlan)}), and where each attribute sits, for naming the kernel's extack offset.
 */
public record NlRequest(byte[] bytes, String summary, List<AttrLocation> locations) {

    public int type() {
        return (bytes[4] & 0xff) | (bytes[5] & 0xff) << 8;
    }

    public int flags() {
        return (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
    }

    /**
     * The path of the innermost attribute that contains {@code offset} (bytes from the start of the message), or
     * null when the offset points into the headers.
     */
    public String attributePathAt(int offset) {
        AttrLocation best = null;
        for (AttrLocation l : locations) {
            if (offset >= l.offset() && offset < l.offset() + l.length()) {
                if (best == null || l.offset() >= best.offset()) {
                    best = l;
                }
            }
        }
        return best == null ? null : best.path();
    }
}
