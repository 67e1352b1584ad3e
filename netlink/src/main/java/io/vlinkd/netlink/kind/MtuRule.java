package io.vlinkd.netlink.kind;

import java.util.Optional;

/**
 * The MTUs the devices of a kind take: a property of the kind, not of links in general. Ethernet-like kinds take
 * 68 (the minimum IPv4 MTU, RFC 791) to 65535; CAN devices take only their frame sizes.
 *
 * @param singles  values accepted one by one
 * @param rangeMin the smallest of the accepted range
 * @param rangeMax the largest
 * @param text     the accepted values as an error or the docs say them
 */
public record MtuRule(java.util.List<Long> singles, long rangeMin, long rangeMax, String text) {

    /** 68..65535: every kind but the CAN ones, and interfaces vlinkd does not create. */
    public static final MtuRule COMMON = new MtuRule(java.util.List.of(), 68, 65535, "68..65535");

    /**
     * vcan and vxcan (vcan_change_mtu, vxcan_change_mtu): CAN_MTU 16 (struct can_frame), CANFD_MTU 72 (struct
     * canfd_frame) or, since 6.2, CANXL_MIN_MTU 76 (CANXL_HDR_SIZE 12 + 64) to CANXL_MAX_MTU 2060 (struct
     * canxl_frame); linux/can.h. The kernel changes a CAN device's MTU only while it is down (EBUSY otherwise).
     */
    public static final MtuRule CAN = new MtuRule(java.util.List.of(16L, 72L), 76, 2060,
            "16 (CAN), 72 (CAN FD) or 76..2060 (CAN XL, kernel 6.2+)");

    /** The integers a config may give at all (the rest is {@link #problem}): rangeMin..rangeMax with the singles. */
    public ValueType.Int envelope() {
        long lo = singles.stream().mapToLong(Long::longValue).min().orElse(rangeMin);
        return ValueType.integer(Math.min(lo, rangeMin), rangeMax);
    }

    /** Empty when {@code mtu} is accepted, else why not, in the words of a config error. */
    public Optional<String> problem(long mtu) {
        if (singles.contains(mtu) || mtu >= rangeMin && mtu <= rangeMax) {
            return Optional.empty();
        }
        return Optional.of(mtu + (singles.isEmpty() ? " is out of range " : " is not one of ") + text);
    }
}
