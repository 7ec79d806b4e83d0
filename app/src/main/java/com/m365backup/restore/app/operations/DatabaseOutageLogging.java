package com.m365backup.restore.app.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.m365backup.restore.app.web.DatabaseUnavailable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.stereotype.Component;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * While PostgreSQL is away, every log line whose failure is only that (as {@link DatabaseUnavailable} tells it, the
 * rule that answers such requests 503) is written as one line, its message and the root cause's, without the stack
 * trace. A PostgreSQL restart once wrote 23,118 lines in 81 s: Axon's event processors log each retry with a stack
 * trace of some 190 lines, once per coordinator and once per segment they release (the restore engine's 4, the
 * mailbox restores' 8), and HikariCP each connection it could not make. The lines themselves stay, at their levels:
 * they tell when the outage began, what it touched and when it ended.
 *
 * <p>Axon's back-off was left as it is: the tracking processor waits 1 s after a failure and doubles the wait up to
 * 60 s, the pooled ones 0.5 s up to 60 s; neither retries at full speed, and a longer ceiling would only keep the
 * processors stopped longer once PostgreSQL is back. Any other failure keeps its stack trace.
 */
@Component
class DatabaseOutageLogging {

    DatabaseOutageLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(OneLine.class::isInstance)) {
            // Spring Boot resets Logback when a new application starts after one closed (tests): added again then.
            logback.addTurboFilter(new OneLine());
        }
    }

    /** Turns a line whose failure is PostgreSQL being unreachable into a line without the stack trace. */
    static final class OneLine extends TurboFilter {

        /** Marks the line written in place of the original, which this filter lets through. */
        private static final Marker SHORTENED = MarkerFactory.getMarker("database-unavailable");
        private static final String FQCN = OneLine.class.getName();

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable thrown) {
            // The level is compared here, not asked of the logger: asking would run the turbo filters again.
            if (marker == SHORTENED || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                return FilterReply.NEUTRAL;
            }
            Throwable failure = thrown != null ? thrown : MessageFormatter.getThrowableCandidate(params);
            if (failure == null || !DatabaseUnavailable.causedBy(failure)) {
                return FilterReply.NEUTRAL;
            }
            String message = MessageFormatter.arrayFormat(format, params, null).getMessage();
            logger.log(SHORTENED, FQCN, Level.toLocationAwareLoggerInteger(level),
                    oneLine(message) + " (PostgreSQL unreachable: " + oneLine(rootCause(failure).getMessage())
                            + ")", null, null);
            return FilterReply.DENY;
        }

        private static Throwable rootCause(Throwable failure) {
            Map<Throwable, Boolean> seen = new IdentityHashMap<>();
            Throwable root = failure;
            while (root.getCause() != null && seen.put(root, true) == null) {
                root = root.getCause();
            }
            return root;
        }

        private static String oneLine(String text) {
            return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
    }
}
