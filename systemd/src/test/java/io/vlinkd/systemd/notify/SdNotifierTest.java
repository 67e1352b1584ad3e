package io.vlinkd.systemd.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SdNotifierTest {

    @Test
    void watchdogIntervalIsHonouredOnlyForThisProcess() {
        assertThat(SdNotifier.watchdogUsec(Map.of("WATCHDOG_USEC", "30000000"), 42)).isEqualTo(30_000_000);
        assertThat(SdNotifier.watchdogUsec(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42))
                .isEqualTo(30_000_000);
        assertThat(SdNotifier.watchdogUsec(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42)).isZero();
        assertThat(SdNotifier.watchdogUsec(Map.of(), 42)).isZero();
        assertThat(SdNotifier.watchdogUsec(Map.of("WATCHDOG_USEC", "soon"), 42)).isZero();
    }

    @Test
    void reloadingCarriesTheMonotonicTimestamp() {
        assertThat(SdNotifier.reloadingMessage(123456789, "reloading (SIGHUP)"))
                .isEqualTo("RELOADING=1\nMONOTONIC_USEC=123456789\nSTATUS=reloading (SIGHUP)");
    }

    @Test
    void statusStaysOnOneLineSoItCannotInjectAssignments() {
        assertThat(SdNotifier.readyMessage("failed: a\nREADY=0")).isEqualTo("READY=1\nSTATUS=failed: a READY=0");
    }
}
