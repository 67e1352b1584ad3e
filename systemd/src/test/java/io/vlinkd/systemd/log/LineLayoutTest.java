package io.vlinkd.systemd.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LineLayoutTest {
    private final LoggerContext ctx = new LoggerContext();

    private LoggingEvent event(Level level, String msg, Throwable t) {
        return new LoggingEvent("x", ctx.getLogger("vlinkd"), level, msg, t, null);
    }

    @Test
    void journalLinesCarryTheSyslogLevelAndNoTime() {
        LineLayout l = new LineLayout(true);
        assertThat(l.doLayout(event(Level.ERROR, "br0: RTM_NEWLINK: EOPNOTSUPP", null)))
                .isEqualTo("<3>br0: RTM_NEWLINK: EOPNOTSUPP\n");
        assertThat(l.doLayout(event(Level.WARN, "w", null))).isEqualTo("<4>w\n");
        assertThat(l.doLayout(event(Level.INFO, "i", null))).isEqualTo("<6>i\n");
        assertThat(l.doLayout(event(Level.DEBUG, "d", null))).isEqualTo("<7>d\n");
        assertThat(l.doLayout(event(Level.TRACE, "t", null))).isEqualTo("<7>t\n");
    }

    @Test
    void plainLinesCarryTimeAndLevel() {
        String line = new LineLayout(false).doLayout(event(Level.WARN, "reload deferred", null));
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z warn reload deferred\n");
    }

    @Test
    void everyLineOfAMultiLineMessageKeepsItsLevel() {
        assertThat(new LineLayout(true).doLayout(event(Level.ERROR, "a\nb", null))).isEqualTo("<3>a\n<3>b\n");
    }

    @Test
    void anUnexpectedExceptionIsPrintedFramePerLineWithThePrefix() {
        String out = new LineLayout(true).doLayout(event(Level.ERROR, "bug", new IllegalStateException("boom")));
        assertThat(out.lines()).allMatch(s -> s.startsWith("<3>"));
        assertThat(out).contains("<3>java.lang.IllegalStateException: boom\n").contains("<3>    at ");
    }
}
