package io.vlinkd.daemon.service;

import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.LinkMessage;
import java.util.List;
import java.util.function.Predicate;

/** What the commands read from the kernel directly: dumps and the live event stream (the netlink socket layer). */
public interface KernelView {

    /** Every link, with IFLA_STATS64, in this namespace ({@code netns} null) or a named one. */
    List<LinkMessage> links(String netns) throws BackendUnavailableException, java.io.IOException;

    /** Every address, in this namespace ({@code netns} null) or a named one. */
    List<AddressMessage> addresses(String netns) throws BackendUnavailableException, java.io.IOException;

    /**
     * Subscribes to link, address and route events and hands each one, rendered as {@code ip monitor} would,
     * to {@code sink} until it returns false.
     */
    void monitor(Predicate<String> sink) throws BackendUnavailableException, java.io.IOException;
}
