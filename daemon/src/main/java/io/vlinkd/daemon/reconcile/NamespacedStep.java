package io.vlinkd.daemon.reconcile;

/** A step and the named namespace it runs in (null: the reconciler's own), for what the operator reads. */
public record NamespacedStep(String netns, Step step) {

    /** The step's command as run in its namespace: {@code ip -n blue link set eth0 up}. */
    public String ipCommand() {
        return inNetns(netns, step.ipCommand());
    }

    public String link() {
        return step.link();
    }

    /** {@code ip ...} as {@code ip -n NS ...}; other commands (generic netlink ones) get {@code ip netns exec}. */
    public static String inNetns(String netns, String command) {
        if (netns == null) {
            return command;
        }
        return command.startsWith("ip ") ? "ip -n " + netns + " " + command.substring(3)
                : "ip netns exec " + netns + " " + command;
    }
}
