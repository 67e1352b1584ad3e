package io.vlinkd.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds dependency cycles ({@code a.master = b}, {@code b.link = a}; or a bridge that is its own master): the
 * reconciler creates parents first and could never start one. Each cycle is reported once, at the reference that
 * closes it, as {@code a -> b -> a}. Edges are {@code link}, {@code master} and kind options that name an interface,
 * except an option naming one of the interface's own ports (see {@link #isOwnPort}). Iterative, so a long chain of stacked interfaces cannot overflow the stack.
 */
final class CycleCheck {
    interface Sink {
        void add(SourceLocation where, String key, String message);
    }

    private enum Color { WHITE, GREY, BLACK }

    private record Frame(String name, Iterator<Reference> next) {
    }

    private final Map<String, InterfaceEntry> byName;
    private final Map<String, InterfaceEntry> peerOf;
    private final Sink sink;

    /**
     * @param peerOf interfaces created as another's peer: naming one depends on its creator, and an entry without
     *               kind: that configures one depends on its creator too
     */
    CycleCheck(Map<String, InterfaceEntry> byName, Map<String, InterfaceEntry> peerOf, Sink sink) {
        this.byName = byName;
        this.peerOf = peerOf;
        this.sink = sink;
    }

    void run() {
        Map<String, Color> color = new HashMap<>();
        for (String start : byName.keySet()) {
            if (color.getOrDefault(start, Color.WHITE) != Color.WHITE) {
                continue;
            }
            Deque<Frame> stack = new ArrayDeque<>();
            List<String> path = new ArrayList<>();
            push(start, stack, path, color);
            while (!stack.isEmpty()) {
                Frame top = stack.peek();
                if (!top.next().hasNext()) {
                    stack.pop();
                    path.remove(path.size() - 1);
                    color.put(top.name(), Color.BLACK);
                    continue;
                }
                Reference r = resolve(top.next().next());
                if (r == null) {
                    continue; // reported as an undefined reference
                }
                if (isOwnPort(top.name(), r)) {
                    continue;
                }
                Color c = color.getOrDefault(r.to(), Color.WHITE);
                if (c == Color.GREY) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(r.to()), path.size()));
                    cycle.add(r.to());
                    sink.add(r.where(), r.key(), "dependency cycle: " + String.join(" -> ", cycle));
                } else if (c == Color.WHITE) {
                    push(r.to(), stack, path, color);
                }
            }
        }
    }

    /**
     * A kind option naming one of the interface's own ports (a bond's {@code primary}) is set after the ports are
     * attached, so it is no creation dependency: the port depends on the bond, not the other way round.
     */
    private boolean isOwnPort(String from, Reference r) {
        if (r.role() != Reference.Role.OPTION) {
            return false;
        }
        return byName.get(r.to()).references().stream()
                .anyMatch(x -> x.role() == Reference.Role.MASTER && x.to().equals(from));
    }

    /** The reference with its target as a node of the graph (a peer stands for its creator), or null. */
    private Reference resolve(Reference r) {
        if (byName.containsKey(r.to())) {
            return r;
        }
        InterfaceEntry creator = peerOf.get(r.to());
        return creator == null ? null : new Reference(r.from(), creator.name(), r.where(), r.key(), r.role());
    }

    private void push(String name, Deque<Frame> stack, List<String> path, Map<String, Color> color) {
        color.put(name, Color.GREY);
        path.add(name);
        InterfaceEntry e = byName.get(name);
        List<Reference> edges = new ArrayList<>(e.references());
        InterfaceEntry creator = peerOf.get(name);
        if (creator != null && !e.created()) {
            edges.add(new Reference(name, creator.name(), e.where(), e.path(), Reference.Role.LINK));
        }
        stack.push(new Frame(name, edges.iterator()));
    }
}
