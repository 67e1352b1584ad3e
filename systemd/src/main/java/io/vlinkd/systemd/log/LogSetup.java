package io.vlinkd.systemd.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Configures logback in code: one appender on stderr, the line layout, the level from the option or the env. */
public final class LogSetup {
    private LogSetup() {
    }

    /** The level names accepted by {@code --log-level} and {@code LOG_LEVEL}. */
    public static final String LEVELS = "error, warn, info, debug, trace";

    /**
     * Parses a level name ({@code LOG_LEVEL} also accepts syslog's {@code err}, {@code warning}, {@code notice}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Level parseLevel(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "error":
            case "err":
                return Level.ERROR;
            case "warn":
            case "warning":
                return Level.WARN;
            case "info":
            case "notice":
                return Level.INFO;
            case "debug":
                return Level.DEBUG;
            case "trace":
                return Level.TRACE;
            default:
                throw new IllegalArgumentException("unknown log level '" + s + "' (one of " + LEVELS + ")");
        }
    }

    /** The option wins over {@code LOG_LEVEL}; without either, info. */
    public static Level chooseLevel(String option, Map<String, String> env) {
        if (option != null) {
            return parseLevel(option);
        }
        String v = env.get("LOG_LEVEL");
        return v == null || v.isEmpty() ? Level.INFO : parseLevel(v);
    }

    /** Replaces logback's configuration; returns whether lines go to the journal. */
    public static boolean configure(Level level, Map<String, String> env) {
        boolean journal = JournalStream.isJournal(env, 2);
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        LineLayout layout = new LineLayout(journal);
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(ctx);
        enc.setLayout(layout);
        enc.start();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(ctx);
        out.setName("stderr");
        out.setTarget("System.err");
        out.setEncoder(enc);
        out.start();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(out);
        root.setLevel(level);
        return journal;
    }
}
