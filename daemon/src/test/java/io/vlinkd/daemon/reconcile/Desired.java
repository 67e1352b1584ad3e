package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.AbsentLink;
import java.nio.file.Files;
import java.io.IOException;
import io.vlinkd.config.ValidationReport;
import io.vlinkd.config.LoadResult;
import io.vlinkd.config.LoadOptions;
import io.vlinkd.config.ConfigLoader;
import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredRoute;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.RouteSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small builder of desired states for tests; each entry gets its own line in a made-up config file. */
public final class Desired {
    /**
     * {@code yaml} written as {@code dir/10.yaml} and loaded as the daemon loads its files (file checks relaxed for
     * a test's temporary directory); a config that does not validate fails the test with its report.
     */
    public static DesiredState fromYaml(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("10.yaml");
        Files.writeString(f, yaml);
        LoadResult r = new ConfigLoader(LoadOptions.relaxed()).load(f);
        if (r instanceof LoadResult.Invalid i) {
            throw new AssertionError(ValidationReport.of(i).text() + "\n" + yaml);
        }
        return ((LoadResult.Valid) r).state();
    }

    private final List<DesiredLink> links = new ArrayList<>();
    private final List<AbsentLink> absent = new ArrayList<>();
    private final List<DesiredRoute> routes = new ArrayList<>();
    private DaemonSettings.OnError onError = DaemonSettings.OnError.ROLLBACK;
    private DaemonSettings.ForeignPolicy foreign = DaemonSettings.ForeignPolicy.IGNORE;
    private int line = 1;

    public static Desired config() {
        return new Desired();
    }

    private SourceLocation next() {
        return new SourceLocation(Path.of("/etc/vlinkd/test.yaml"), line++, 5);
    }

    /** A link whose addresses are not managed. */
    public Desired link(LinkSpec spec) {
        links.add(new DesiredLink(spec, List.of(), false, next()));
        return this;
    }

    /** A link with exactly these addresses ("192.0.2.1/24"). */
    public Desired link(LinkSpec spec, String... addresses) {
        List<AddressSpec> a = new ArrayList<>();
        for (String s : addresses) {
            a.add(address(s));
        }
        links.add(new DesiredLink(spec, a, true, next()));
        return this;
    }

    /** A link with {@code adopt: true}: taken over when someone else created it. */
    public Desired adopt(LinkSpec spec) {
        links.add(new DesiredLink(spec, List.of(), false, next(), true));
        return this;
    }

    public Desired absent(String name) {
        absent.add(new AbsentLink(name, next()));
        return this;
    }

    public Desired route(String to, String via, String dev) {
        String[] p = to.split("/");
        routes.add(new DesiredRoute(new RouteSpec(ip(p[0]), Integer.parseInt(p[1]),
                via == null ? Optional.empty() : Optional.of(ip(via)), Optional.ofNullable(dev), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty()),
                next()));
        return this;
    }

    public Desired isolate() {
        onError = DaemonSettings.OnError.ISOLATE;
        return this;
    }

    /** {@code settings.foreign: report}. */
    public Desired reportForeign() {
        foreign = DaemonSettings.ForeignPolicy.REPORT;
        return this;
    }

    public DesiredState build() {
        return new DesiredState(links, absent, routes, new DaemonSettings(DaemonSettings.DriftPolicy.ENFORCE,
                foreign, onError), List.of(Path.of("/etc/vlinkd/test.yaml")));
    }

    public static AddressSpec address(String s) {
        String[] p = s.split("/");
        return AddressSpec.of(ip(p[0]), Integer.parseInt(p[1]));
    }

    public static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static LinkSpec bridge(String name) {
        return LinkSpec.of(name, TestKind.BRIDGE, TestKind.BRIDGE.spec());
    }

    public static LinkSpec veth(String name, String peer) {
        return LinkSpec.of(name, TestKind.VETH, TestKind.VETH.spec("peer", peer));
    }

    public static LinkSpec vxlan(String name, long id, Object... more) {
        Object[] kv = new Object[more.length + 2];
        kv[0] = "id";
        kv[1] = id;
        System.arraycopy(more, 0, kv, 2, more.length);
        return LinkSpec.of(name, TestKind.VXLAN, TestKind.VXLAN.spec(kv));
    }
}
