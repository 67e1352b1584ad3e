package io.vlinkd.daemon.reconcile;

/**
 * Something on a configured interface that vlinkd did not create and the config does not name: a link someone
 * enslaved to a configured bridge or stacked on a configured link, an address someone added to a configured
 * interface, a route through one without vlinkd's protocol. vlinkd leaves it alone; {@code settings.foreign: report}
 * has it logged and listed by {@code vlinkctl status}.
 *
 * @param type      what it is: the noun of its {@link io.vlinkd.daemon.resource.ManagedType} ({@code link},
 *                  {@code address}, {@code route}...)
 * @param iface     the configured interface it is on
 * @param object    the link's name, the address ({@code 192.0.2.9/24}) or the route's destination
 * @param detail    the rest, in {@code ip}'s words: the link's kind and how it is attached ({@code dummy, port of
 *                  br0}), the route's gateway, table, metric and protocol; empty for an address
 */
public record ForeignObject(String type, String iface, String object, String detail) {

    /** {@code br0: foreign link dummy0 (dummy, port of br0)}. */
    @Override
    public String toString() {
        return iface + ": foreign " + type + " " + object + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
