package io.vlinkd.netlink.link;

/** The administrative state an operator asks for ({@code ip link set NAME up|down}). */
public enum AdminState {
    UP, DOWN
}
