package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 IPsec virtual tunnel interface (net/ipv4/ip_vti.c): traffic routed into it is encrypted by the xfrm
 * policies marked with its key.
 *
 * <pre>
 * - name: vti0
 *   kind: vti
 *   vti: { local: 192.0.2.1, remote: 198.51.100.1, ikey: 10, okey: 20 }
 * </pre>
 * Equivalent to: {@code ip link add vti0 type vti local 192.0.2.1 remote 198.51.100.1 ikey 10 okey 20}.
 * Shared behaviour is in {@link VtiTunnelKind}.
 */
public final class VtiKind extends VtiTunnelKind<VtiKind.VtiSpec> {
    public static final VtiKind INSTANCE = new VtiKind();

    /** vti's options; see {@link VtiTunnelKind.Settings} for each field's attribute. */
    public record VtiSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                          Optional<Long> ikey, Optional<Long> okey) implements KindSpec, VtiTunnelKind.Settings {
    }

    private VtiKind() {
        // ip_vti.c came with Linux 3.6.
        super("vti", VtiSpec.class, false, "3.6");
    }
}
