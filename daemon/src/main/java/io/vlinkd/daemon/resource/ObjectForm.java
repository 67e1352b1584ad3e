package io.vlinkd.daemon.resource;

import io.vlinkd.daemon.reconcile.KernelObject.Ledger;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the {@link ResourceObject}s of one resource type are to the kernel, to an operator and to the ledger: the part
 * of a kernel object that differs between types, as data. Each type's {@code ...Object} class holds its form(s).
 *
 * @param noun        what the operator phrase names after its verb ({@code fdb entry ...})
 * @param addPhase    the phase of its add and of its replace
 * @param deletePhase the phase of its delete
 * @param add         its add request
 * @param replace     its request that changes it in place (NLM_F_REPLACE), or its add where that sets it whole
 * @param delete      its delete request
 * @param command     the equivalent iproute2 command for a verb: {@code add}, {@code replace} or {@code del}
 * @param ledger      how it is recorded as vlinkd's, and forgotten
 * @param <S>         the object as written: its spec
 */
public record ObjectForm<S>(Function<S, String> noun, Phase addPhase, Phase deletePhase, Request<S> add,
                            Request<S> replace, Request<S> delete, Command<S> command, Ledgered<S> ledger) {

    /** A request about {@code spec} on {@code link}, written with {@code protocol}. */
    @FunctionalInterface
    public interface Request<S> {
        NlRequest of(EncodeContext ctx, String link, S spec, int protocol);
    }

    /** The iproute2 command that does {@code verb} to {@code spec} on {@code link}. */
    @FunctionalInterface
    public interface Command<S> {
        String of(String verb, String link, S spec, int protocol);
    }

    /** How an object is recorded in the ledger as vlinkd's (it wrote it) and forgotten (it deleted it). */
    public interface Ledgered<S> {
        void own(Ledger ledger, String link, S spec);

        void disown(Ledger ledger, String link, S spec);

        /** A line {@code WORD LINK IFINDEX WHAT...} ({@link OwnedOnLink}) whose WHAT is {@code what} of the spec. */
        static <S, T> Ledgered<S> onLink(ResourceType<?, ?, ?, OwnedOnLink<T>> type, Function<S, T> what) {
            return new Ledgered<>() {
                @Override
                public void own(Ledger ledger, String link, S spec) {
                    OwnedOnLink.own(ledger, type, link, what.apply(spec));
                }

                @Override
                public void disown(Ledger ledger, String link, S spec) {
                    OwnedOnLink.disown(ledger, type, link, what.apply(spec));
                }
            };
        }

        /** A line of its own, {@code line} of the spec, whatever link it is on. */
        static <S, L> Ledgered<S> line(ResourceType<?, ?, ?, L> type, Function<S, L> line) {
            return new Ledgered<>() {
                @Override
                public void own(Ledger ledger, String link, S spec) {
                    ledger.lines(type).add(line.apply(spec));
                }

                @Override
                public void disown(Ledger ledger, String link, S spec) {
                    ledger.lines(type).remove(line.apply(spec));
                }
            };
        }
    }

    /**
     * The form of an object that the kernel cannot change in place, or whose add sets it whole (an add of what is
     * there takes its place): its replace is its add.
     */
    public static <S> ObjectForm<S> replacedByAdd(Function<S, String> noun, Phase addPhase, Phase deletePhase,
                                                  Request<S> add, Request<S> delete, Command<S> command,
                                                  Ledgered<S> ledger) {
        return new ObjectForm<>(noun, addPhase, deletePhase, add, add, delete, command, ledger);
    }

    /** {@code spec} on the interface {@code link}, written with {@code protocol}. */
    public ResourceObject<S> on(String link, S spec, int protocol) {
        return new ResourceObject<>(this, link, spec, protocol);
    }

    /**
     * {@code spec} on the interface {@code device}, or, on none, a step about it names the object itself (a rule,
     * a group of next hops, a route without a device).
     */
    public ResourceObject<S> onDevice(Optional<String> device, S spec, int protocol) {
        return on(device.orElseGet(() -> noun.apply(spec)), spec, protocol);
    }
}
