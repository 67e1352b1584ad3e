package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.reconcile.ActivePortChoice.Port;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivePortChoiceTest {
    private static Port up(int index) {
        return new Port(index, "p" + index, true);
    }

    private static Port down(int index) {
        return new Port(index, "p" + index, false);
    }

    @Test
    void withNoActivePortTheFirstPortWithCarrierInConfigOrderTakesIt() {
        assertThat(ActivePortChoice.choose(List.of(up(9), up(4)), 0)).isEqualTo(9);
        assertThat(ActivePortChoice.choose(List.of(down(9), up(4)), 0)).isEqualTo(4);
    }

    @Test
    void anActivePortWithCarrierStays() {
        assertThat(ActivePortChoice.choose(List.of(up(9), up(4)), 4)).isEqualTo(4);
    }

    @Test
    void anActivePortThatLostCarrierHandsOverToTheNextWithCarrier() {
        assertThat(ActivePortChoice.choose(List.of(down(9), down(4), up(5)), 9)).isEqualTo(5);
    }

    @Test
    void withoutCarrierAnywhereNothingChanges() {
        assertThat(ActivePortChoice.choose(List.of(down(9), down(4)), 9)).isEqualTo(9);
        assertThat(ActivePortChoice.choose(List.of(down(9), down(4)), 0)).isEqualTo(0);
    }

    @Test
    void anActivePortThatIsNotAConfiguredPortIsReplaced() {
        assertThat(ActivePortChoice.choose(List.of(down(9), up(4)), 77)).isEqualTo(4);
        assertThat(ActivePortChoice.choose(List.of(down(9)), 77)).isEqualTo(77);
    }

    @Test
    void aSequenceOfCarrierEventsNeverFlapsBack() {
        int active = ActivePortChoice.choose(List.of(up(1), up(2)), 0);
        assertThat(active).as("start").isEqualTo(1);
        active = ActivePortChoice.choose(List.of(down(1), up(2)), active);
        assertThat(active).as("1 loses carrier").isEqualTo(2);
        active = ActivePortChoice.choose(List.of(up(1), up(2)), active);
        assertThat(active).as("1 returns: no flap back").isEqualTo(2);
        active = ActivePortChoice.choose(List.of(up(1), down(2)), active);
        assertThat(active).as("2 loses carrier").isEqualTo(1);
        active = ActivePortChoice.choose(List.of(down(1), down(2)), active);
        assertThat(active).as("both down: keep").isEqualTo(1);
        active = ActivePortChoice.choose(List.of(down(1), up(2)), active);
        assertThat(active).as("2 returns first").isEqualTo(2);
    }
}
