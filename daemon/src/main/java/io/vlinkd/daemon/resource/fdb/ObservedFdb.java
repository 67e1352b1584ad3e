package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.route.Rtnl;

/**
 * An FDB entry as dumped: on interface {@code index}, with its NUD state and NTF flags (a bridge port's entry has
 * NTF_MASTER, a VXLAN's or a device's own NTF_SELF).
 */
public record ObservedFdb(int index, FdbSpec entry, int state, int flags) {

    /**
     * The kernel's own: learned from traffic (neither static nor permanent), a bridge's local entry (a port's own
     * MAC: permanent, NTF_MASTER), or a device's unicast and multicast address lists (NTF_SELF without a remote).
     * An entry someone else added (static, a VXLAN remote, extern_learn from a control plane) is not.
     */
    public boolean isKernels() {
        boolean pinned = (state & (Rtnl.NUD_NOARP | Rtnl.NUD_PERMANENT)) != 0;
        boolean master = (flags & Rtnl.NTF_MASTER) != 0;
        boolean extern = (flags & Rtnl.NTF_EXT_LEARNED) != 0;
        if (extern) {
            return false;
        }
        return !pinned || master && (state & Rtnl.NUD_PERMANENT) != 0 || !master && !entry.isRemote();
    }
}
