package io.vlinkd.systemd.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line per event. To the journal: {@code <3>message}, the syslog level as sd-daemon(3) prefixes (the journal
 * stores the level and adds the time itself). Elsewhere: {@code 2026-11-24T15:30:01.123Z error message}.
 * Expected errors are logged as messages; only an unexpected exception carries a stack trace, and then every frame
 * is its own line with the same prefix, so the journal keeps its level.
 */
public final class LineLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final boolean journal;

    public LineLayout(boolean journal) {
        this.journal = journal;
    }

    /** The syslog priority of a level: err(3), warning(4), info(6), debug(7). */
    static int syslogLevel(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return 3;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 4;
        }
        if (level.isGreaterOrEqual(Level.INFO)) {
            return 6;
        }
        return 7;
    }

    private String prefix(ILoggingEvent e) {
        if (journal) {
            return "<" + syslogLevel(e.getLevel()) + ">";
        }
        return TIME.format(Instant.ofEpochMilli(e.getTimeStamp())) + " " + e.getLevel().toString().toLowerCase()
                + " ";
    }

    @Override
    public String doLayout(ILoggingEvent e) {
        String prefix = prefix(e);
        StringBuilder sb = new StringBuilder();
        // A message with newlines (a multi-line kernel or YAML text) stays one event per line, each prefixed.
        for (String line : e.getFormattedMessage().split("\n", -1)) {
            sb.append(prefix).append(line).append('\n');
        }
        IThrowableProxy t = e.getThrowableProxy();
        while (t != null) {
            sb.append(prefix).append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                sb.append(prefix).append("    ").append(frame.getSTEAsString()).append('\n');
            }
            t = t.getCause();
        }
        return sb.toString();
    }
}
