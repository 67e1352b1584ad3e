package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.LinkMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The layers the commands stand on, as ports: reading the config, reconciling, reading the kernel. One place
 * says which implementation each command gets, so the CLI and the daemon are tested with fakes.
 */
public record Backends(ConfigPort config, ReconcilePort reconcile, KernelView kernel) {

    /** The implementations of this build. */
    public static Backends current(Path stateDir) {
        return new Backends(new LoaderConfig(io.vlinkd.config.LoadOptions.secure()), new ReconcilerBackend(stateDir),
                new NetlinkKernelView());
    }

    /** The same layers with ownership recorded under {@code stateDir} (the demo keeps its own, thrown away). */
    public Backends atStateDir(Path stateDir) {
        return reconcile instanceof ReconcilerBackend ? new Backends(config, new ReconcilerBackend(stateDir), kernel)
                : this;
    }

    /** Every layer reported missing: what the CLI tests use to check that nothing is pretended. */
    public static Backends unavailable() {
        return new Backends(UNAVAILABLE_CONFIG, UNAVAILABLE_RECONCILE, UNAVAILABLE_KERNEL);
    }

    static final String CONFIG_LAYER = "the config loader (io.vlinkd.config.ConfigLoader)";
    static final String RECONCILE_LAYER = "the reconciler (io.vlinkd.daemon.reconcile.Reconciler)";
    static final String SOCKET_LAYER = "the netlink socket layer (io.vlinkd.netlink.socket)";

    static final ConfigPort UNAVAILABLE_CONFIG = new ConfigPort() {
        @Override
        public LoadResult load(List<Path> paths) throws BackendUnavailableException {
            throw new BackendUnavailableException(CONFIG_LAYER);
        }

        @Override
        public String schema() throws BackendUnavailableException {
            throw new BackendUnavailableException(CONFIG_LAYER);
        }
    };

    static final ReconcilePort UNAVAILABLE_RECONCILE = new ReconcilePort() {
        @Override
        public PlanView plan(DesiredState state, String netns, PlanFormat format) throws BackendUnavailableException {
            throw new BackendUnavailableException(RECONCILE_LAYER);
        }

        @Override
        public Applied apply(DesiredState state, String netns) throws BackendUnavailableException {
            throw new BackendUnavailableException(RECONCILE_LAYER);
        }
    };

    static final KernelView UNAVAILABLE_KERNEL = new KernelView() {
        @Override
        public List<LinkMessage> links(String netns) throws BackendUnavailableException {
            throw new BackendUnavailableException(SOCKET_LAYER);
        }

        @Override
        public List<AddressMessage> addresses(String netns) throws BackendUnavailableException {
            throw new BackendUnavailableException(SOCKET_LAYER);
        }

        @Override
        public void monitor(Predicate<String> sink) throws BackendUnavailableException {
            throw new BackendUnavailableException(SOCKET_LAYER);
        }
    };
}
