package io.vlinkd.netlink.kind;

import java.util.Optional;

/**
 * A bridge's own settings (its ports join with {@code master: br0} on the port). Every field is optional: an empty
 * one is not managed. Times are held in centiseconds, the unit {@code ip link ... type bridge forward_delay N} and
 * the kernel's {@code IFLA_BR_*} attributes use (the kernel reads them as clock_t, USER_HZ = 100); the config takes
 * them in seconds ({@link BridgeKind}).
 *
 * <pre>
 * - name: br0
 *   kind: bridge
 *   bridge: { stp: true, forward-delay: 4, hello-time: 2, max-age: 12, priority: 4096, multicast-snooping: false }
 * </pre>
 * Equivalent to: {@code ip link add br0 type bridge forward_delay 400 hello_time 200 max_age 1200 stp_state 1
 * priority 4096 mcast_snooping 0}.
 *
 * @param forwardDelay      {@code forward_delay}, IFLA_BR_FORWARD_DELAY, centiseconds (config key {@code forward-delay},
 *                          seconds)
 * @param helloTime         {@code hello_time}, IFLA_BR_HELLO_TIME, centiseconds
 * @param maxAge            {@code max_age}, IFLA_BR_MAX_AGE, centiseconds
 * @param ageingTime        {@code ageing_time}, IFLA_BR_AGEING_TIME, centiseconds
 * @param stp               {@code stp_state 0|1}, IFLA_BR_STP_STATE
 * @param priority          {@code priority}, IFLA_BR_PRIORITY (bridge priority of the STP bridge id)
 * @param vlanFiltering     {@code vlan_filtering 0|1}, IFLA_BR_VLAN_FILTERING
 * @param vlanProtocol      {@code vlan_protocol 802.1Q|802.1ad}, IFLA_BR_VLAN_PROTOCOL, held as the config word
 *                          ({@code 802.1q} or {@code 802.1ad})
 * @param defaultPvid       {@code vlan_default_pvid}, IFLA_BR_VLAN_DEFAULT_PVID (0 = no default PVID)
 * @param multicastSnooping {@code mcast_snooping 0|1}, IFLA_BR_MCAST_SNOOPING
 */
public record BridgeSpec(Optional<Long> forwardDelay, Optional<Long> helloTime, Optional<Long> maxAge,
                         Optional<Long> ageingTime, Optional<Boolean> stp, Optional<Long> priority,
                         Optional<Boolean> vlanFiltering, Optional<String> vlanProtocol, Optional<Long> defaultPvid,
                         Optional<Boolean> multicastSnooping) implements KindSpec {

    /** A bridge with nothing managed ({@code ip link add br0 type bridge}). */
    public static BridgeSpec unmanaged() {
        return BridgeKind.INSTANCE.unmanaged();
    }
}
