package io.vlinkd.daemon.service;

import io.vlinkd.daemon.control.ConfirmTimeout;
import io.vlinkd.daemon.control.ControlHandler;
import io.vlinkd.daemon.control.ControlRequest;
import io.vlinkd.daemon.control.Reply;
import io.vlinkd.daemon.service.ReconcilePort.PlanFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps control-socket requests onto the daemon. */
public final class DaemonControl implements ControlHandler {
    private final Daemon daemon;
    private final StatusRenderer status;

    public DaemonControl(Daemon daemon, StatusRenderer status) {
        this.daemon = daemon;
        this.status = status;
    }

    @Override
    public Reply handle(ControlRequest r) {
        switch (r.verb()) {
            case "ping":
                return Reply.ok(List.of("pong " + Version.VERSION));
            case "status":
                return daemon.status(Boolean.parseBoolean(r.arg("json", "false")), status);
            case "reload":
                return daemon.reload("vlinkctl reload");
            case "confirm":
                return daemon.confirm();
            case "plan": {
                String f = r.arg("format", "ip").toUpperCase(Locale.ROOT);
                PlanFormat format;
                try {
                    format = PlanFormat.valueOf(f);
                } catch (IllegalArgumentException e) {
                    return new Reply(2, List.of(), List.of("plan: format must be ip or netlink"));
                }
                return daemon.plan(format);
            }
            case "apply": {
                String t = r.arg("confirm-timeout", null);
                Optional<Duration> timeout;
                try {
                    timeout = t == null ? Optional.empty() : Optional.of(ConfirmTimeout.parse(t));
                } catch (IllegalArgumentException e) {
                    // Checked before anything is applied: an apply whose rollback cannot be armed must not start.
                    return new Reply(2, List.of(), List.of("apply: " + e.getMessage()));
                }
                return daemon.apply(timeout);
            }
            default:
                return new Reply(2, List.of(), List.of("unknown verb " + r.verb()));
        }
    }
}
