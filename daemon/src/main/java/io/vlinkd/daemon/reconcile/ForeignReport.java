package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.Ownership;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings.foreign: report}: hears of every observation the reconciler makes of the running config (the
 * end of each apply, each drift check) and logs each {@link ForeignObject} once, when it first appears; keeps the
 * current ones for {@code vlinkctl status}. With {@code foreign: ignore} (the default) it logs nothing and lists
 * nothing.
 */
public final class ForeignReport implements Reconciler.Observer {
    private static final Logger LOG = LoggerFactory.getLogger(ForeignReport.class);

    private final ForeignTracker tracker = new ForeignTracker();
    private boolean reporting;

    @Override
    public synchronized void observed(DesiredState running, ObservedState observed, Ownership owned) {
        if (running.settings().foreign() != DaemonSettings.ForeignPolicy.REPORT) {
            reporting = false;
            tracker.clear();
            return;
        }
        reporting = true;
        for (ForeignObject f : tracker.update(ForeignObjects.find(running, observed, owned,
                running.settings().routeProtocol()))) {
            LOG.warn("{}: not in the config, not created by vlinkd; left alone (settings.foreign: report)", f);
        }
    }

    /** The foreign objects of the last observation; empty when the running config does not ask for the report. */
    public synchronized Optional<List<ForeignObject>> current() {
        return reporting ? Optional.of(tracker.current()) : Optional.empty();
    }
}
