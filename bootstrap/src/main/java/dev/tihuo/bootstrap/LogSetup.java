package dev.tihuo.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Console logging in the format the configuration chooses: readable text, or one JSON object per line (logback's
 * own {@link JsonEncoder}) for log shippers. The MDC carries the Douyin logid of the request being handled.
 *
 * <p>Lines are written by logback's {@link AsyncAppender}: every request logs a line, and a console write from the
 * Vert.x event loop would stall every connection of that loop behind the terminal or the pipe. Nothing is dropped
 * (no discarding threshold); a full queue slows the logging thread down instead. {@link #stop()} drains the queue
 * and must run before the JVM exits.
 */
final class LogSetup {
    private LogSetup() {}

    static void apply(String format, String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if ("json".equals(format)) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // one object per line: timestamp, level, thread, logger, mdc (logid, merchant, route), formattedMessage, throwable
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.start();
            encoder = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} [%X{logid:-}] %msg%n");
            text.start();
            encoder = text;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async-console");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setMaxFlushTime(5000);
        async.addAppender(console);
        async.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(async);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // "H2 newer than the version Flyway has been verified with": true and harmless, not worth a warning per start
        context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
        context.getLogger("io.netty").setLevel(Level.WARN);
    }

    /** Writes what is still queued and closes the appenders. */
    static void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
