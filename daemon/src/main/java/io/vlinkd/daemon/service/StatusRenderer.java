package io.vlinkd.daemon.service;

/** Turns the daemon's state, plus what the kernel says about each managed interface, into a status reply. */
public interface StatusRenderer {
    io.vlinkd.daemon.control.Reply render(StatusReport report, boolean json);
}
