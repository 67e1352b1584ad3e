import io.vlinkd.netlink.kind.LinkKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Judges lane A from the JUnit XML the VM wrote (run on the host, with the kind registry of the built netlink
 * module: {@code java -cp netlink/target/classes LaneReport.java RESULTS_DIR}).
 *
 * <p>Prints the counts per test class and per link kind, lists every skipped test with its reason, and exits
 * non-zero when a test failed (1), when a test was skipped because the kernel lacks a kind (3: the full kernel has
 * every kind, so such a skip means a module did not load or a test probes wrongly), or when no JUnit XML came back
 * (4). Skips for other reasons (no Docker engine, say) are listed but do not fail the lane. With
 * {@code --require-all-kinds}, a kind that no test exercised fails the lane too (5).
 *
 * <p>A test counts for each kind its class name or its method name names in CamelCase words: {@code BondKindIT} is
 * bond, {@code Ip6GreTapTest} is ip6gretap, {@code IpvlanKernelTest.createsAnIpvtap} is ipvlan and ipvtap. A
 * package segment naming a kind counts too ({@code io.vlinkd.it.kind.bond.ChangeTest}).
 */
public final class LaneReport {
    /** Every kind vlinkd supports, in the registry's order (the netlink module's classes are on the class path). */
    private static final List<String> KINDS = LinkKinds.names();

    /**
     * Assumption messages that mean "this kernel lacks the kind" (the PREAMBLE's convention is "this kernel has no
     * bond: runs in the full-kernel lane"; the others are what the kernel or a probe says).
     */
    private static final Pattern KIND_SKIP = Pattern.compile(
            "full-kernel lane|kernel has no|kernel lacks|unknown device type|not supported by this kernel"
                    + "|supportsKind",
            Pattern.CASE_INSENSITIVE);

    /** Word boundaries in CamelCase ("createsAVcan" -> creates, A, Vcan) and at anything not a letter or digit. */
    private static final Pattern CAMEL =
            Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+");

    private enum Outcome { PASSED, FAILED, SKIPPED }

    private record TestResult(String className, String method, Outcome outcome, String reason) {
        String simpleClass() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? className : className.substring(dot + 1);
        }
    }

    private static final class Counts {
        private int passed;
        private int failed;
        private int skipped;

        void add(Outcome o) {
            switch (o) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }

        int run() {
            return passed + failed + skipped;
        }

        String row() {
            return String.format("%4d run %4d passed %4d failed %4d skipped", run(), passed, failed, skipped);
        }
    }

    private LaneReport() {
    }

    public static void main(String[] args) throws Exception {
        boolean requireAllKinds = false;
        Path dir = null;
        for (String a : args) {
            if (a.equals("--require-all-kinds")) {
                requireAllKinds = true;
            } else {
                dir = Path.of(a);
            }
        }
        if (dir == null) {
            System.err.println("usage: java LaneReport.java [--require-all-kinds] RESULTS_DIR (with RESULTS_DIR/junit/*.xml)");
            System.exit(2);
        }
        System.exit(report(dir, requireAllKinds));
    }

    private static int report(Path dir, boolean requireAllKinds) throws Exception {
        Path junit = dir.resolve("junit");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(junit)) {
            try (Stream<Path> s = Files.list(junit)) {
                s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            System.out.println("lane A: FAILED: no JUnit XML in " + junit + " (the tests did not run in the VM)");
            return 4;
        }
        List<TestResult> results = new ArrayList<>();
        for (Path f : files) {
            results.addAll(parse(f));
        }

        Counts total = new Counts();
        Map<String, Counts> byClass = new TreeMap<>();
        Map<String, Counts> byKind = new LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k, new Counts()));
        Counts noKind = new Counts();
        List<TestResult> kindSkips = new ArrayList<>();
        List<TestResult> otherSkips = new ArrayList<>();
        List<TestResult> failures = new ArrayList<>();
        for (TestResult r : results) {
            total.add(r.outcome());
            byClass.computeIfAbsent(r.className(), c -> new Counts()).add(r.outcome());
            List<String> kinds = kindsOf(r);
            if (kinds.isEmpty()) {
                noKind.add(r.outcome());
            }
            kinds.forEach(k -> byKind.get(k).add(r.outcome()));
            if (r.outcome() == Outcome.SKIPPED) {
                (KIND_SKIP.matcher(r.reason()).find() ? kindSkips : otherSkips).add(r);
            } else if (r.outcome() == Outcome.FAILED) {
                failures.add(r);
            }
        }

        System.out.println("lane A: JUnit results from " + files.size() + " report file(s): " + total.row());
        System.out.println("per test class:");
        byClass.forEach((c, n) -> System.out.printf("  %-70s %s%n", c, n.row()));
        System.out.println("per kind (tests whose class or method names the kind):");
        List<String> untested = new ArrayList<>();
        for (Map.Entry<String, Counts> e : byKind.entrySet()) {
            if (e.getValue().run() == 0) {
                untested.add(e.getKey());
                System.out.printf("  %-10s    no test names this kind yet%n", e.getKey());
            } else {
                System.out.printf("  %-10s %s%n", e.getKey(), e.getValue().row());
            }
        }
        System.out.printf("  %-10s %s%n", "(no kind)", noKind.row());
        printList("failed", failures);
        printList("skipped because the kernel lacks a kind (must not happen in this lane)", kindSkips);
        printList("skipped for other reasons", otherSkips);

        int rc = 0;
        if (total.run() == 0) {
            // XML files with no test in them: the launcher found nothing to run. Never a pass.
            System.out.println("lane A: FAILED: no test ran (the test classes were not found in the VM)");
            rc = 4;
        }
        if (!failures.isEmpty()) {
            System.out.println("lane A: FAILED: " + failures.size() + " test(s) failed");
            rc = 1;
        }
        if (!kindSkips.isEmpty()) {
            System.out.println("lane A: FAILED: " + kindSkips.size() + " test(s) skipped for a missing kind");
            rc = rc == 0 ? 3 : rc;
        }
        if (!untested.isEmpty()) {
            System.out.println("lane A: " + (requireAllKinds ? "FAILED: " : "note: ") + untested.size()
                    + " kind(s) without a kernel test here: " + String.join(", ", untested));
            if (requireAllKinds && rc == 0) {
                rc = 5;
            }
        }
        if (rc == 0) {
            System.out.println("lane A: tests OK (" + total.passed + " passed, " + total.skipped + " skipped, none for a"
                    + " missing kind)");
        }
        return rc;
    }

    private static void printList(String title, List<TestResult> list) {
        if (list.isEmpty()) {
            return;
        }
        System.out.println(title + ":");
        for (TestResult r : list) {
            System.out.println("  " + r.simpleClass() + "." + r.method() + ": " + r.reason());
        }
    }

    /** The kinds the test names, in its class (and package) or its method ("IpvlanKernelTest.createsAnIpvtap"). */
    static List<String> kindsOf(TestResult r) {
        List<String> kinds = new ArrayList<>(kindsIn(r.className()));
        for (String k : kindsIn(r.method())) {
            if (!kinds.contains(k)) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** Kinds spelled by consecutive CamelCase words (longest first, no overlap): "Ip6GreTapIT" -> [ip6gretap]. */
    static List<String> kindsIn(String name) {
        List<String> words = new ArrayList<>();
        for (String w : CAMEL.split(name)) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int len = Math.min(3, words.size() - i); len >= 1 && matched == 0; len--) {
                String joined = String.join("", words.subList(i, i + len));
                if (KINDS.contains(joined)) {
                    if (!found.contains(joined)) {
                        found.add(joined);
                    }
                    matched = len;
                }
            }
            i += Math.max(1, matched);
        }
        return found;
    }

    private static List<TestResult> parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root;
        try {
            root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (IOException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(file + ": not JUnit XML: " + e.getMessage(), e);
        }
        List<TestResult> out = new ArrayList<>();
        NodeList cases = root.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element tc = (Element) cases.item(i);
            String cls = tc.getAttribute("classname");
            String method = tc.getAttribute("name");
            Outcome outcome = Outcome.PASSED;
            String reason = "";
            for (Node c = tc.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (!(c instanceof Element e)) {
                    continue;
                }
                switch (e.getTagName()) {
                    case "failure", "error" -> {
                        outcome = Outcome.FAILED;
                        reason = firstLine(e);
                    }
                    case "skipped" -> {
                        if (outcome != Outcome.FAILED) {
                            outcome = Outcome.SKIPPED;
                            reason = firstLine(e);
                        }
                    }
                    default -> {
                    }
                }
            }
            out.add(new TestResult(cls, method, outcome, reason));
        }
        return out;
    }

    /** The message attribute, else the first line of the text that says why (assumption or assertion text). */
    private static String firstLine(Element e) {
        String msg = e.getAttribute("message").strip();
        if (!msg.isEmpty()) {
            return msg;
        }
        String text = e.getTextContent().strip();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.contains("Assumption failed") || l.contains("Exception") || l.contains("Error")) {
                return l;
            }
        }
        return text.isEmpty() ? "(no reason given)" : text.split("\n")[0].strip();
    }
}
