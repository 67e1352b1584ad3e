package io.vlinkd.daemon.control;

/** Serves one parsed request; runs on the connection's thread and may block until the daemon's loop answers. */
public interface ControlHandler {
    Reply handle(ControlRequest request);
}
