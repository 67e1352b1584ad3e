package io.vlinkd.daemon.resource.address;

import static io.vlinkd.daemon.resource.OnEth9.ETH9;
import static io.vlinkd.daemon.resource.OnEth9.ETH9_LINK;
import static io.vlinkd.daemon.resource.OnEth9.P;
import static io.vlinkd.daemon.resource.OnEth9.WHERE;
import static io.vlinkd.daemon.resource.OnEth9.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.resource.Fate;
import io.vlinkd.daemon.resource.ObjectPlan;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Addresses as a resource type: their key, what is whose (the ledger; the mark on an owned link; a listed address
 * already there), and the generic {@link ObjectPlan} over them (add, replace lifetimes in place, delete and add what
 * the kernel cannot replace, delete vlinkd's own that left the list, every permanent one when exclusive, never a
 * dynamic or link-local one, nothing on an entry without {@code addresses:}). The same through the whole reconciler:
 * AddressOwnershipTest and EveryKeyComparedTest (unit), AddressKernelTest (kernel).
 */
class AddressTypeTest {

    private static AddressSpec spec(String a, int len) {
        return new AddressSpec(ip(a), len, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private static DesiredState eth9(boolean managed, boolean exclusive, AddressSpec... listed) {
        DesiredLink d = new DesiredLink(LinkSpec.of("eth9", null, null), List.of(listed), managed, WHERE, false,
                exclusive);
        return new DesiredState(List.of(d), List.of(), List.of(), DaemonSettings.defaults(), List.of());
    }

    private static ObservedAddress seen(String a, int len, int flags, int protocol) {
        return new ObservedAddress(ETH9, ip(a), len, null, flags, protocol);
    }

    private static final ObservedAddress OURS = seen("10.0.0.2", 24, Rtnl.IFA_F_PERMANENT, P);
    private static final ObservedAddress LEFT = seen("10.0.0.3", 24, Rtnl.IFA_F_PERMANENT, P);
    private static final ObservedAddress FOREIGN = seen("10.0.0.1", 24, Rtnl.IFA_F_PERMANENT, 0);
    private static final ObservedAddress DYNAMIC = seen("2001:db8::99", 64, 0, 2);
    private static final ObservedAddress LINK_LOCAL = seen("fe80::1", 64, Rtnl.IFA_F_PERMANENT, 0);
    private static final ObservedState OBSERVED = new ObservedState(List.of(ETH9_LINK),
            List.of(OURS, LEFT, FOREIGN, DYNAMIC, LINK_LOCAL), List.of());
    /** The ledger records OURS and LEFT. */
    private static final Ownership OWNED = Ownership.none().withLines(AddressType.TYPE, List.of(
            AddressType.TYPE.line(OURS, OBSERVED), AddressType.TYPE.line(LEFT, OBSERVED)));

    private static List<String> plan(DesiredState desired, Fate fate) {
        List<Step> steps = new ArrayList<>();
        new ObjectPlan<>(AddressType.TYPE, desired, OBSERVED, OWNED, P).plan(fate, steps, new ArrayList<>());
        return steps.stream().map(Step::ipCommand).toList();
    }

    @Test
    void addressesAreARegisteredResourceTypeKeyedByInterfaceAddressAndPrefix() {
        assertThat(ResourceTypes.ALL).contains(AddressType.TYPE);
        assertThat(AddressType.TYPE.observedKey(OURS, OBSERVED)).isEqualTo(new AddressKey("eth9", ip("10.0.0.2"), 24));
        assertThat(AddressType.TYPE.line(OURS, OBSERVED)).isEqualTo(new OwnedAddress("eth9", ETH9, ip("10.0.0.2"), 24));
    }

    @Test
    void theLedgerMakesAnAddressVlinkdsAndTheMarkOnlyOnALinkVlinkdOwns() {
        ObjectPlan<?, ?, ObservedAddress, ?> plan = new ObjectPlan<>(AddressType.TYPE, eth9(true, false), OBSERVED,
                OWNED, P);
        assertThat(plan.ours(OURS)).isTrue();
        assertThat(plan.ours(FOREIGN)).isFalse();
        ObservedAddress marked = seen("10.0.0.7", 24, Rtnl.IFA_F_PERMANENT, P);
        Ownership ownsEth9 = Ownership.of(List.of(new OwnedLink("eth9", ETH9, "dummy")));
        assertThat(AddressType.TYPE.claims(marked, null, OBSERVED, ownsEth9, P)).isTrue();
        assertThat(AddressType.TYPE.claims(marked, null, OBSERVED, Ownership.none(), P)).isFalse();
        ListedAddress listed = new ListedAddress(eth9(true, false).links().get(0), spec("10.0.0.1", 24));
        assertThat(AddressType.TYPE.claims(FOREIGN, listed, OBSERVED, Ownership.none(), P)).isTrue();
    }

    @Test
    void addsTheMissingDeletesItsOwnThatLeftAndLeavesSomeoneElsesDynamicAndLinkLocalOnes() {
        assertThat(plan(eth9(true, false, spec("10.0.0.2", 24), spec("10.0.0.5", 24)), Fate.NONE)).containsExactly(
                "ip addr add 10.0.0.5/24 dev eth9 proto 247",
                "ip addr del 10.0.0.3/24 dev eth9");
    }

    @Test
    void exclusiveAlsoDeletesSomeoneElsesPermanentAddressesButNeverDynamicOrLinkLocalOnes() {
        assertThat(plan(eth9(true, true, spec("10.0.0.2", 24)), Fate.NONE)).containsExactly(
                "ip addr del 10.0.0.3/24 dev eth9",
                "ip addr del 10.0.0.1/24 dev eth9");
    }

    @Test
    void anEntryWithoutAddressesLeavesEveryAddressAlone() {
        assertThat(plan(eth9(false, false), Fate.NONE)).isEmpty();
    }

    @Test
    void lifetimesAreReplacedInPlaceAndAnIpv4PeerIsADeleteAndAnAdd() {
        AddressSpec withLifetime = new AddressSpec(ip("10.0.0.2"), 24, Optional.empty(), Optional.of(600L),
                Optional.empty(), false);
        assertThat(plan(eth9(true, false, withLifetime, spec("10.0.0.3", 24)), Fate.NONE)).containsExactly(
                "ip addr replace 10.0.0.2/24 valid_lft 600 preferred_lft 600 dev eth9 proto 247");
        AddressSpec withPeer = new AddressSpec(ip("10.0.0.2"), 24, Optional.of(ip("10.0.0.9")), Optional.empty(),
                Optional.empty(), false);
        assertThat(plan(eth9(true, false, withPeer, spec("10.0.0.3", 24)), Fate.NONE)).containsExactly(
                "ip addr del 10.0.0.2/24 dev eth9",
                "ip addr add 10.0.0.2/24 peer 10.0.0.9 dev eth9 proto 247");
    }

    @Test
    void onARenewedLinkEveryListedAddressIsAddedAndOnAnAwaitedOneNone() {
        DesiredState desired = eth9(true, false, spec("10.0.0.2", 24));
        assertThat(plan(desired, Fate.recreated("eth9"))).containsExactly(
                "ip addr add 10.0.0.2/24 dev eth9 proto 247");
        DesiredLink eth8 = new DesiredLink(LinkSpec.of("eth8", null, null), List.of(spec("10.0.8.1", 24)), true,
                WHERE);
        DesiredState awaited = new DesiredState(List.of(eth8), List.of(), List.of(), DaemonSettings.defaults(),
                List.of());
        assertThat(plan(awaited, Fate.awaiting("eth8"))).isEmpty();
    }

    @Test
    void aReCreatedLinkGetsBackWhatTheConfigDoesNotListAndKeeps() {
        // Without addresses: every address but the kernel's comes back; vlinkd's own stay vlinkd's (located).
        List<Step> unmanaged = new ArrayList<>();
        new ObjectPlan<>(AddressType.TYPE, eth9(false, false), OBSERVED, OWNED, P)
                .restoreKept(ETH9, WHERE, unmanaged);
        assertThat(unmanaged).extracting(Step::ipCommand).containsExactly(
                "ip addr add 10.0.0.2/24 dev eth9 proto 247",
                "ip addr add 10.0.0.3/24 dev eth9 proto 247",
                "ip addr add 10.0.0.1/24 dev eth9",
                "ip addr add 2001:db8::99/64 dev eth9 proto 2");
        assertThat(unmanaged).extracting(Step::where).containsExactly(WHERE, WHERE, null, null);
        // Managed: someone else's come back, vlinkd's unlisted one does not (the listed one comes from the config).
        List<Step> managed = new ArrayList<>();
        new ObjectPlan<>(AddressType.TYPE, eth9(true, false, spec("10.0.0.2", 24)), OBSERVED, OWNED, P)
                .restoreKept(ETH9, WHERE, managed);
        assertThat(managed).extracting(Step::ipCommand).containsExactly(
                "ip addr add 10.0.0.1/24 dev eth9",
                "ip addr add 2001:db8::99/64 dev eth9 proto 2");
    }

    @Test
    void someoneElsesAddressIsReportedUnlessTheEntryListsIt() {
        assertThat(AddressType.TYPE.foreign(FOREIGN, "eth9", eth9(true, false))).hasValueSatisfying(f ->
                assertThat(f).hasToString("eth9: foreign address 10.0.0.1/24"));
        assertThat(AddressType.TYPE.foreign(FOREIGN, "eth9", eth9(true, false, spec("10.0.0.1", 24)))).isEmpty();
    }
}
