package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.Json;
import io.vlinkd.daemon.control.Reply;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.LinkStats64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code vlinkctl status}: the daemon's state, then one row per managed interface with what the kernel says
 * about it now (a fresh dump, so counters are current), then, with {@code settings.foreign: report}, the foreign
 * objects on configured interfaces as the last observation found them. When the kernel cannot be read the rows say
 * so; they never show made-up states.
 */
public final class StatusView implements StatusRenderer {
    private final KernelView kernel;
    private final Predicate<String> owned;
    private final Supplier<Optional<List<ForeignObject>>> foreign;

    /**
     * @param owned   whether vlinkd created (owns) the named interface, from the reconciler's ownership record
     * @param foreign the foreign objects of the last observation, empty when the config does not ask for them
     *                ({@link io.vlinkd.daemon.reconcile.ForeignReport#current})
     */
    public StatusView(KernelView kernel, Predicate<String> owned, Supplier<Optional<List<ForeignObject>>> foreign) {
        this.kernel = kernel;
        this.owned = owned;
        this.foreign = foreign;
    }

    /** One managed interface as status shows it; {@code link} is null when it does not exist. */
    record Row(DesiredLink desired, LinkMessage link, boolean owned, String lastError) {
    }

    @Override
    public Reply render(StatusReport r, boolean json) {
        String kernelProblem = null;
        Map<String, LinkMessage> byName = Map.of();
        try {
            byName = kernel.links(null).stream().filter(l -> l.name() != null)
                    .collect(Collectors.toMap(LinkMessage::name, Function.identity(), (a, b) -> a));
        } catch (BackendUnavailableException | IOException e) {
            kernelProblem = "cannot read the kernel: " + e.getMessage();
        }
        List<Row> rows = new ArrayList<>();
        for (DesiredLink d : r.running().links()) {
            rows.add(new Row(d, byName.get(d.name()), owned.test(d.name()), r.lastErrors().get(d.name())));
        }
        Optional<List<ForeignObject>> f = foreign.get();
        List<String> out = json ? List.of(json(r, rows, kernelProblem, f)) : table(r, rows, kernelProblem, f);
        return new Reply(r.last().ok() && kernelProblem == null ? 0 : 1, out, List.of());
    }

    static List<String> table(StatusReport r, List<Row> rows, String kernelProblem,
                              Optional<List<ForeignObject>> foreign) {
        List<String> out = new ArrayList<>(interfaces(r, rows, kernelProblem));
        foreign.ifPresent(list -> {
            if (list.isEmpty()) {
                out.add("foreign objects on configured interfaces: none");
                return;
            }
            out.add("foreign objects on configured interfaces (settings.foreign: report; vlinkd leaves them alone):");
            out.add(String.format("%-16s %-8s %-24s %s", "ON", "TYPE", "OBJECT", "DETAIL"));
            for (ForeignObject o : list) {
                out.add(String.format("%-16s %-8s %-24s %s", o.iface(), o.type(), o.object(),
                        o.detail().isEmpty() ? "-" : o.detail()));
            }
        });
        return out;
    }

    private static List<String> interfaces(StatusReport r, List<Row> rows, String kernelProblem) {
        List<String> out = new ArrayList<>();
        out.add("vlinkd " + r.version() + ", running since " + r.startedAt());
        out.add("config: " + r.configDir() + ": " + r.configSummary());
        out.add("last converge: " + (r.last().ok() ? "ok" : "FAILED") + " at " + r.last().at() + ": "
                + r.last().summary());
        r.confirmDeadline().ifPresent(d -> out.add("awaiting confirmation until " + d
                + " (vlinkctl confirm), else rolled back"));
        if (kernelProblem != null) {
            out.add(kernelProblem);
        }
        if (rows.isEmpty()) {
            out.add("no managed interfaces");
            return out;
        }
        out.add(String.format("%-16s %-9s %-8s %-5s %12s %12s %8s %8s  %s", "INTERFACE", "KIND", "STATE", "OWNED",
                "RX-BYTES", "TX-BYTES", "RX-ERR", "TX-ERR", "LAST ERROR"));
        for (Row row : rows) {
            LinkStats64 s = row.link() == null ? null : row.link().stats();
            out.add(String.format("%-16s %-9s %-8s %-5s %12s %12s %8s %8s  %s", row.desired().name(),
                    row.desired().link().kindName(), state(row, kernelProblem), row.owned() ? "yes" : "no",
                    s == null ? "-" : Long.toUnsignedString(s.rxBytes()),
                    s == null ? "-" : Long.toUnsignedString(s.txBytes()),
                    s == null ? "-" : Long.toUnsignedString(s.rxErrors()),
                    s == null ? "-" : Long.toUnsignedString(s.txErrors()),
                    Optional.ofNullable(row.lastError()).orElse("-")));
        }
        return out;
    }

    private static String state(Row row, String kernelProblem) {
        if (kernelProblem != null) {
            return "unknown";
        }
        if (row.link() == null) {
            return "missing";
        }
        return row.link().isUp() ? row.link().operstateName().toLowerCase() : "down";
    }

    static String json(StatusReport r, List<Row> rows, String kernelProblem, Optional<List<ForeignObject>> foreign) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"version\":").append(Json.string(r.version()));
        sb.append(",\"started\":").append(Json.string(r.startedAt().toString()));
        sb.append(",\"config_dir\":").append(Json.string(r.configDir().toString()));
        sb.append(",\"config\":").append(Json.string(r.configSummary()));
        sb.append(",\"last_converge\":{\"ok\":").append(r.last().ok()).append(",\"at\":")
                .append(Json.string(r.last().at().toString())).append(",\"summary\":")
                .append(Json.string(r.last().summary())).append('}');
        sb.append(",\"confirm_deadline\":").append(Json.string(r.confirmDeadline().map(Object::toString)
                .orElse(null)));
        sb.append(",\"kernel_error\":").append(Json.string(kernelProblem));
        sb.append(",\"interfaces\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":").append(Json.string(row.desired().name()));
            sb.append(",\"kind\":").append(Json.string(row.desired().link().kindName()));
            sb.append(",\"defined_at\":").append(Json.string(row.desired().where().toString()));
            sb.append(",\"state\":").append(Json.string(state(row, kernelProblem)));
            sb.append(",\"owned\":").append(row.owned());
            sb.append(",\"last_error\":").append(Json.string(row.lastError()));
            LinkStats64 s = row.link() == null ? null : row.link().stats();
            if (s == null) {
                sb.append(",\"stats64\":null");
            } else {
                sb.append(",\"stats64\":{\"rx_packets\":").append(Long.toUnsignedString(s.rxPackets()))
                        .append(",\"tx_packets\":").append(Long.toUnsignedString(s.txPackets()))
                        .append(",\"rx_bytes\":").append(Long.toUnsignedString(s.rxBytes()))
                        .append(",\"tx_bytes\":").append(Long.toUnsignedString(s.txBytes()))
                        .append(",\"rx_errors\":").append(Long.toUnsignedString(s.rxErrors()))
                        .append(",\"tx_errors\":").append(Long.toUnsignedString(s.txErrors()))
                        .append(",\"rx_dropped\":").append(Long.toUnsignedString(s.rxDropped()))
                        .append(",\"tx_dropped\":").append(Long.toUnsignedString(s.txDropped()))
                        .append(",\"multicast\":").append(Long.toUnsignedString(s.multicast()))
                        .append(",\"collisions\":").append(Long.toUnsignedString(s.collisions())).append('}');
            }
            sb.append('}');
        }
        sb.append("],\"foreign\":");
        if (foreign.isEmpty()) {
            return sb.append("null}").toString();
        }
        sb.append('[');
        List<ForeignObject> list = foreign.get();
        for (int i = 0; i < list.size(); i++) {
            ForeignObject o = list.get(i);
            sb.append(i > 0 ? "," : "").append("{\"interface\":").append(Json.string(o.iface()))
                    .append(",\"type\":").append(Json.string(o.type()))
                    .append(",\"object\":").append(Json.string(o.object()))
                    .append(",\"detail\":").append(Json.string(o.detail())).append('}');
        }
        return sb.append("]}").toString();
    }
}
