package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.NetlinkException;
import java.util.List;

/**
 * Optional addition to {@link LinkKind} for a kind part of whose configuration does not travel in rtnetlink's
 * IFLA_INFO_DATA and is not in its dumps, but is set and read over generic netlink after the link exists. Team is
 * one: {@code ip link add team0 type team} creates it without a mode, and the mode is the "mode" option of the
 * {@code team} genl family.
 *
 * <p>The reconciler, for a kind that implements this:
 * <ol>
 *   <li>after creating the link, and before any port joins (team refuses a mode change while it has ports), calls
 *       {@link #configure};</li>
 *   <li>after decoding a dumped link, calls {@link #observe} to complete the spec, then compares it with
 *       {@link LinkKind#differences}: a spec decoded from the dump alone leaves these options unset;</li>
 *   <li>for a plan, prints {@link #commands} after the {@code ip link add}.</li>
 * </ol>
 *
 * @param <S> the kind's spec record
 */
public interface PostCreateConfiguration<S extends KindSpec> {

    /** Completes {@code decoded} (from the rtnetlink dump) with what only generic netlink reports. */
    S observe(GenericNetlink genl, int ifindex, String name, S decoded) throws NetlinkException;

    /**
     * Applies {@code desired}'s post-create options to link {@code name} (index {@code ifindex}); options already
     * as desired are not sent again. Returns what was changed, in the operator's words, empty when nothing.
     */
    List<String> configure(GenericNetlink genl, int ifindex, String name, S desired) throws NetlinkException;

    /** The commands an operator would run for the same effect ({@code teamnl team0 setoption mode activebackup}). */
    List<String> commands(String name, S desired);
}
