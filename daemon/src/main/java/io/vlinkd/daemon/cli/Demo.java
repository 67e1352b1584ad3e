package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.Backends;
import io.vlinkd.daemon.service.ConfigPort;
import io.vlinkd.daemon.service.IpLinkView;
import io.vlinkd.daemon.service.ReconcilePort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's main job: the operator's path in a private network namespace. Writes an example config, applies it
 * once inside a fresh {@code ip netns} (as {@code vlinkctl apply --once --netns} does), prints the result from
 * vlinkd's own dump in {@code ip -d link} layout and, for comparison, iproute2's, then removes the namespace.
 */
final class Demo {
    static final String EXAMPLE = String.join("\n",
            "# The demo's config: a bridge with an address, a veth pair with one end in the bridge, a macvlan",
            "# on the other end, and a VXLAN port. Every kind here exists on this machine's kernel.",
            "interfaces:",
            "  - name: br-demo",
            "    kind: bridge",
            "    bridge: { stp: false, forward-delay: 4 }",
            "    state: up",
            "    addresses: [192.0.2.1/24]",
            "  - name: veth-demo0",
            "    kind: veth",
            "    veth: { peer: veth-demo1 }",
            "    master: br-demo",
            "    mtu: 1400",
            "    state: up",
            "  - name: veth-demo1        # the peer: created with veth-demo0",
            "  - name: mv-demo",
            "    kind: macvlan",
            "    link: veth-demo1",
            "    macvlan: { mode: bridge }",
            "    state: up",
            "  - name: vx-demo",
            "    kind: vxlan",
            "    vxlan: { id: 42, local: 192.0.2.1, dstport: 4789, learning: false }",
            "    master: br-demo",
            "    state: up",
            "");

    private final Backends original;
    private Backends backends;
    private final PrintWriter out;
    private final PrintWriter err;

    Demo(Backends backends, PrintWriter out, PrintWriter err) {
        this.backends = backends;
        this.original = backends;
        this.out = out;
        this.err = err;
    }

    int run() throws BackendUnavailableException {
        Path dir;
        try {
            dir = Files.createTempDirectory("vlinkd-demo");
        } catch (IOException e) {
            err.println("vlinkctl demo: " + e.getMessage());
            return 1;
        }
        Path file = dir.resolve("10-demo.yaml");
        // Ownership of the throwaway namespace is recorded beside the throwaway config, not in /var/lib/vlinkd.
        backends = original.atStateDir(dir.resolve("state"));
        String ns = "vlinkd-demo-" + ProcessHandle.current().pid();
        try {
            Files.writeString(file, EXAMPLE, StandardCharsets.UTF_8);
            out.println("# " + file + ":");
            EXAMPLE.lines().forEach(l -> out.println("    " + l));
            // Loaded before the namespace exists: a missing layer or a bad example fails with nothing to undo.
            ConfigPort.LoadResult r = backends.config().load(List.of(file));
            if (r instanceof ConfigPort.Invalid inv) {
                inv.problems().forEach(err::println);
                return 1;
            }
            ConfigPort.Loaded loaded = (ConfigPort.Loaded) r;
            out.println("# " + loaded.summary());
            int rc = ip("netns", "add", ns);
            if (rc != 0) {
                err.println("vlinkctl demo: `ip netns add " + ns + "` failed (exit " + rc + "; root needed)");
                return 1;
            }
            try {
                out.println("# vlinkctl apply --once --netns " + ns + " " + file);
                ReconcilePort.Applied a = backends.reconcile().apply(loaded.state(), ns);
                a.events().forEach(ev -> (ev.error() ? err : out).println("    " + ev.line()));
                if (!a.ok()) {
                    err.println("vlinkctl demo: " + a.summary());
                    return 1;
                }
                out.println("# " + a.summary());
                out.println("# the namespace as vlinkd reads it (its own dump, in ip -d link layout, with addresses):");
                IpLinkView.render(backends.kernel().links(ns), backends.kernel().addresses(ns))
                        .forEach(l -> out.println("    " + l));
                out.println("# the same, from iproute2 (ip -n " + ns + " -d link show):");
                out.flush();
                ip("-n", ns, "-d", "link", "show");
                return 0;
            } finally {
                int del = ip("netns", "del", ns);
                out.println(del == 0 ? "# removed namespace " + ns : "# could not remove namespace " + ns
                        + ": run `ip netns del " + ns + "`");
            }
        } catch (IOException e) {
            err.println("vlinkctl demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("vlinkctl demo: interrupted");
            return 1;
        } finally {
            out.flush();
            err.flush();
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                err.println("vlinkctl demo: cannot remove " + dir + ": " + e.getMessage());
            }
        }
    }

    /** Runs {@code ip ARGS}, its output indented into ours; returns its exit code. */
    private int ip(String... args) throws IOException, InterruptedException {
        out.flush();
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        text.lines().forEach(l -> out.println("    " + l));
        return p.exitValue();
    }
}
