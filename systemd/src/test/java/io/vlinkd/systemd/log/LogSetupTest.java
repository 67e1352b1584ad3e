package io.vlinkd.systemd.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @Test
    void optionWinsOverEnvironment() {
        assertThat(LogSetup.chooseLevel("debug", Map.of("LOG_LEVEL", "error"))).isEqualTo(Level.DEBUG);
        assertThat(LogSetup.chooseLevel(null, Map.of("LOG_LEVEL", "warning"))).isEqualTo(Level.WARN);
        assertThat(LogSetup.chooseLevel(null, Map.of())).isEqualTo(Level.INFO);
    }

    @Test
    void unknownLevelNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> LogSetup.parseLevel("loud")).hasMessageContaining("error, warn, info, debug, trace");
    }
}
