package io.vlinkd.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A fresh, private network namespace for one test ({@code ip netns add vlt-XXXXXX}), removed on close, also when the
 * test fails. {@code ip -n NS -j -d} is the oracle the tests compare against. Never touches the root namespace.
 *
 * <pre>{@code
 * try (TestNamespace ns = TestNamespace.create()) {
 *     ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
 *     JsonNode link = ns.link("v0");
 * }
 * }</pre>
 */
public final class TestNamespace implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    public static TestNamespace create() {
        String name = "vlt-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        run(List.of("ip", "netns", "add", name));
        TestNamespace ns = new TestNamespace(name);
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    /** True when this process may create network namespaces (root with CAP_SYS_ADMIN and `ip` present). */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                    && "root".equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    /**
     * The devices the kernel itself puts into every new namespace besides {@code lo}: with the tunnel modules
     * loaded (the full-kernel lane) each namespace gets a fallback device per tunnel kind, unless the host sets
     * {@code net.core.fb_tunnels_only_for_init_net} (Debian does not). Tests that count a namespace's links
     * leave these out; they are the kernel's, not the test's.
     */
    public static boolean isKernelFallbackDevice(String ifname) {
        return FALLBACK_DEVICES.contains(ifname);
    }

    private static final java.util.Set<String> FALLBACK_DEVICES = java.util.Set.of("tunl0", "sit0", "ip6tnl0",
            "gre0", "gretap0", "erspan0", "ip6gre0", "ip6gretap0", "ip6erspan0", "ip_vti0", "ip6_vti0");

    /** {@code /run/netns/NAME}, for opening sockets inside the namespace. */
    public String path() {
        return "/run/netns/" + name;
    }

    /** Runs {@code ip -n NAME ARGS...}; fails the test with ip's output when it exits non-zero. */
    public String ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Runs {@code bridge -n NAME ARGS...}; fails the test with bridge's output when it exits non-zero. */
    public String bridge(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bridge", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Runs {@code ip -n NAME ARGS...} and returns its exit code, without failing. */
    public int ipStatus(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return exec(cmd).exitCode;
    }

    /** Runs {@code ip netns exec NAME COMMAND...} ({@code sysctl}, say); fails the test when it exits non-zero. */
    public String exec(String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return run(cmd);
    }

    /** Runs {@code ip netns exec NAME COMMAND...} ({@code ping}, say) and returns its exit code, without failing. */
    public int execStatus(String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return exec(cmd).exitCode;
    }

    /** {@code ip -j -d link show dev NAME} as JSON (the object of the one link), or null when it does not exist. */
    public JsonNode link(String ifname) {
        Result r = exec(List.of("ip", "-n", name, "-j", "-d", "link", "show", "dev", ifname));
        if (r.exitCode != 0) {
            return null;
        }
        try {
            JsonNode arr = JSON.readTree(r.output);
            return arr.size() == 0 ? null : arr.get(0);
        } catch (IOException e) {
            throw new AssertionError("ip -j printed what is not JSON: " + r.output, e);
        }
    }

    /** {@code ip -j -d link show} of every link in the namespace. */
    public JsonNode links() {
        return json("link", "show");
    }

    /** {@code ip -j ARGS...} parsed as JSON. */
    public JsonNode json(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name, "-j", "-d"));
        cmd.addAll(List.of(args));
        try {
            return JSON.readTree(run(cmd));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code bridge -j ARGS...} parsed as JSON ({@code fdb show dev vx0}). */
    public JsonNode bridgeJson(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bridge", "-n", name, "-j"));
        cmd.addAll(List.of(args));
        try {
            return JSON.readTree(run(cmd));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Whether this kernel can create links of {@code kind} (FACTS.md: this machine's kernel has no dummy, bond,
     * vlan...). Probes with a throwaway link; tests that need a missing kind skip with {@code Assumptions}.
     */
    public boolean supportsKind(String kind, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name, "link", "add", "vlt-probe0", "type", kind));
        cmd.addAll(List.of(extra));
        boolean ok = exec(cmd).exitCode == 0;
        if (ok) {
            exec(List.of("ip", "-n", name, "link", "del", "vlt-probe0"));
        }
        return ok;
    }

    @Override
    public void close() {
        exec(List.of("ip", "netns", "del", name));
    }

    private record Result(int exitCode, String output) {
    }

    private static String run(List<String> cmd) {
        Result r = exec(cmd);
        if (r.exitCode != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited " + r.exitCode + ": " + r.output);
        }
        return r.output;
    }

    private static Result exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
