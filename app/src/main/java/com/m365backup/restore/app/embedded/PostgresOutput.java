package com.m365backup.restore.app.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What initdb, pg_ctl and PostgreSQL print. zonky logs each of their lines at INFO on its own logger (some 25 lines
 * at a first start, initdb's progress among them); they are logged again here, on this class's logger, at the level
 * PostgreSQL gave them: its FATAL and PANIC (and a tool's "error:" or "could not") at ERROR, its WARNING at WARN, its
 * ERROR at INFO (a statement's failure, which PostgreSQL also answers to the client that sent it, and the service
 * reports where it is a fault, such as two writers racing for a session's next event), the rest at DEBUG
 * ({@code logging.level.com.m365backup.restore.app.embedded.PostgresOutput=DEBUG} shows it all).
 *
 * <p>A Logback turbo filter, as zonky's logger is the same for these lines and its own: the lines are told apart by
 * the thread zonky reads each process's output on ({@code initdb:pid(…)}, {@code postgres:pid(…)}, …). With another
 * logging system than Spring Boot's default, zonky's lines stay as they are.
 */
final class PostgresOutput extends TurboFilter {

    private static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final Pattern OUTPUT_THREAD = Pattern.compile("^[\\w-]+:pid\\(\\d+\\)$");
    private static final Pattern SEVERITY = Pattern.compile(
            "\\b(DEBUG\\d?|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT|LOCATION):  ");
    private static final Pattern TOOL_FAILURE = Pattern.compile("^\\w+: (error|fatal|could not)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * What PostgreSQL says, as a FATAL, of a connection still open when it is stopped: the embedded server is stopped
     * by this service only, as it stops itself, so it is no fault (and on a busy machine a processor's connection
     * can outlive the pool's closing by a moment).
     */
    private static final String OWN_SHUTDOWN = "FATAL:  terminating connection due to administrator command";
    private static final Logger log = LoggerFactory.getLogger(PostgresOutput.class);

    private PostgresOutput() {
        setName(PostgresOutput.class.getName());
    }

    /** Once per logging context; again after Spring Boot reset it. */
    static void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context && context.getTurboFilterList().stream()
                .noneMatch(filter -> PostgresOutput.class.getName().equals(filter.getName()))) {
            PostgresOutput filter = new PostgresOutput();
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                              Object[] params, Throwable failure) {
        if (level != Level.INFO || format == null || failure != null || !ZONKY.equals(logger.getName())
                || !OUTPUT_THREAD.matcher(Thread.currentThread().getName()).matches()) {
            return FilterReply.NEUTRAL;
        }
        switch (levelOf(format)) {
            case "ERROR" -> log.error("{}", format);
            case "WARN" -> log.warn("{}", format);
            case "INFO" -> log.info("{}", format);
            default -> log.debug("{}", format);
        }
        return FilterReply.DENY;
    }

    static String levelOf(String line) {
        if (line.contains(OWN_SHUTDOWN)) {
            return "INFO";
        }
        Matcher severity = SEVERITY.matcher(line);
        if (severity.find()) {
            return switch (severity.group(1)) {
                case "FATAL", "PANIC" -> "ERROR";
                case "WARNING" -> "WARN";
                case "ERROR" -> "INFO";
                default -> "DEBUG";
            };
        }
        return TOOL_FAILURE.matcher(line.strip()).find() ? "ERROR" : "DEBUG";
    }
}
