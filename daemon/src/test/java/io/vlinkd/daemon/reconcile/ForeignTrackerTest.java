package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignTrackerTest {
    private static final ForeignObject PORT = new ForeignObject("link", "br0", "dummy0", "dummy, port of br0");
    private static final ForeignObject ADDRESS = new ForeignObject("address", "br0", "192.0.2.99/24", "");

    @Test
    void eachObjectIsReportedOnceWhileItStays() {
        ForeignTracker t = new ForeignTracker();
        assertThat(t.update(List.of(PORT, ADDRESS))).containsExactly(PORT, ADDRESS);
        assertThat(t.update(List.of(PORT, ADDRESS))).isEmpty();
        assertThat(t.current()).containsExactly(PORT, ADDRESS);
    }

    @Test
    void anObjectThatDisappearedAndCameBackIsReportedAgain() {
        ForeignTracker t = new ForeignTracker();
        t.update(List.of(PORT, ADDRESS));
        assertThat(t.update(List.of(PORT))).isEmpty();
        assertThat(t.current()).containsExactly(PORT);
        assertThat(t.update(List.of(PORT, ADDRESS))).containsExactly(ADDRESS);
    }

    @Test
    void clearingForgetsEverything() {
        ForeignTracker t = new ForeignTracker();
        t.update(List.of(PORT));
        t.clear();
        assertThat(t.current()).isEmpty();
        assertThat(t.update(List.of(PORT))).containsExactly(PORT);
    }
}
