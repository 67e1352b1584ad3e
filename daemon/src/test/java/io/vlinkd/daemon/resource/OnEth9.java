package io.vlinkd.daemon.resource;

import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.resource.link.ObservedLink;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** The setting the tests of a resource type share: objects on eth9 (index 9), configured at one place. */
public final class OnEth9 {
    private OnEth9() {
    }

    /** vlinkd's mark. */
    public static final int P = Planner.VLINKD_PROTOCOL;
    public static final int ETH9 = 9;
    public static final SourceLocation WHERE = new SourceLocation(Path.of("/etc/vlinkd/10.yaml"), 3, 5);
    public static final ObservedLink ETH9_LINK = new ObservedLink(ETH9, "eth9", null, null, null, 1500, null, true,
            0, 0, null, 1000, 6, -1);

    public static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
