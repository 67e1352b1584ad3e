package io.vlinkd.netlink;

/**
 * A request the kernel refused, or a socket call that failed. Carries everything an operator needs in one line
 * (STYLE.md): {@code RTM_NEWLINK vx0 (vxlan): EOPNOTSUPP: Cannot change VNI [IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID]}.
 */
public class NetlinkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String request;
    private final String kernelMessage;
    private final String attributePath;
    private final String missingAttribute;

    public NetlinkException(String request, int errno, String kernelMessage, String attributePath,
                            String missingAttribute) {
        super(format(request, errno, kernelMessage, attributePath, missingAttribute));
        this.errno = Math.abs(errno);
        this.request = request;
        this.kernelMessage = kernelMessage;
        this.attributePath = attributePath;
        this.missingAttribute = missingAttribute;
    }

    /** A failure of a socket call itself (socket, bind, sendto...), not a kernel reply. */
    public static NetlinkException ofCall(String call, int errno) {
        return new NetlinkException(call, errno, null, null, null);
    }

    private static String format(String request, int errno, String msg, String path, String missing) {
        StringBuilder sb = new StringBuilder();
        sb.append(request).append(": ").append(Errno.name(errno));
        if (msg != null && !msg.isEmpty()) {
            sb.append(": ").append(msg);
        }
        if (path != null) {
            sb.append(" [").append(path).append(']');
        }
        if (missing != null) {
            sb.append(" (missing ").append(missing).append(')');
        }
        return sb.toString();
    }

    /** The positive errno. */
    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }

    public String request() {
        return request;
    }

    /** The kernel's extack text, or null (EEXIST, for one, comes with none). */
    public String kernelMessage() {
        return kernelMessage;
    }

    /** The offending attribute's path from the extack offset, or null. */
    public String attributePath() {
        return attributePath;
    }

    /** The attribute the kernel said is missing (NLMSGERR_ATTR_MISS_TYPE), or null. */
    public String missingAttribute() {
        return missingAttribute;
    }
}
