package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv6 IPsec virtual tunnel interface (net/ipv6/ip6_vti.c).
 *
 * <pre>
 * - name: vti6a
 *   kind: vti6
 *   vti6: { local: "2001:db8::1", remote: "2001:db8::2", key: 5 }
 * </pre>
 * Equivalent to: {@code ip link add vti6a type vti6 local 2001:db8::1 remote 2001:db8::2 key 5}.
 * Shared behaviour is in {@link VtiTunnelKind}.
 */
public final class Vti6Kind extends VtiTunnelKind<Vti6Kind.Vti6Spec> {
    public static final Vti6Kind INSTANCE = new Vti6Kind();

    /** vti6's options; see {@link VtiTunnelKind.Settings} for each field's attribute. */
    public record Vti6Spec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                           Optional<Long> ikey, Optional<Long> okey) implements KindSpec, VtiTunnelKind.Settings {
    }

    private Vti6Kind() {
        // ip6_vti.c came with Linux 3.13.
        super("vti6", Vti6Spec.class, true, "3.13");
    }

    /** See {@link LinkKind#changeResetsMtu()}. */
    @Override
    public boolean changeResetsMtu() {
        return true;
    }
}
