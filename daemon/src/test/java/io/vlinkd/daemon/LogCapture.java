package io.vlinkd.daemon;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every log event of a test, as the journal would get it: register as an instance field
 * ({@code @RegisterExtension final LogCapture log = new LogCapture();}); it listens on the root logger from before
 * each test until after it.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.start();
        root.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.detachAppender(appender);
    }

    /** The events so far, oldest first (a live view: copy it to keep it). */
    public List<ILoggingEvent> events() {
        return appender.list;
    }

    /** Forgets the events so far (what a test did before the part it checks). */
    public void clear() {
        appender.list.clear();
    }
}
