package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Answers {@link AwaitRestoreSessionVersion} once the read model shows the session at the version a write produced,
 * so that a GET after the write's answer shows the write (docs/design.md, The read path).
 *
 * <p>A notice from this node's projection ends the wait at once; the table is looked at again every
 * {@code await-recheck-interval} too, because the segment holding the session may be processed by another node.
 * How long each wait took is the timer {@code restore.read-model.wait} (a histogram, tagged {@code shown} true or
 * false), the read side's lag as writers feel it.
 */
@Component
class ReadYourWrites {

    static final String WAIT_METER = "restore.read-model.wait";

    private static final long NOT_SHOWN = -1;

    private final ReadModelProgress progress;
    private final ToLongFunction<String> shownVersion;
    private final ReadModelProperties properties;
    private final MeterRegistry meters;

    @Autowired
    ReadYourWrites(ReadModelProgress progress, JdbcTemplate jdbc, ReadModelProperties properties,
                   MeterRegistry meters) {
        this(progress, sessionId -> jdbc.query("select version from restore_session where id = ?",
                rows -> rows.next() ? rows.getLong(1) : NOT_SHOWN, sessionId), properties, meters);
    }

    ReadYourWrites(ReadModelProgress progress, ToLongFunction<String> shownVersion, ReadModelProperties properties) {
        this(progress, shownVersion, properties, new SimpleMeterRegistry());
    }

    private ReadYourWrites(ReadModelProgress progress, ToLongFunction<String> shownVersion,
                           ReadModelProperties properties, MeterRegistry meters) {
        this.progress = progress;
        this.shownVersion = shownVersion;
        this.properties = properties;
        this.meters = meters;
    }

    @QueryHandler
    Boolean handle(AwaitRestoreSessionVersion query) {
        long started = System.nanoTime();
        boolean shown = await(query);
        Timer.builder(WAIT_METER)
                .description("How long a write waited for the read side to show it")
                .tag("shown", Boolean.toString(shown))
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return shown;
    }

    private boolean await(AwaitRestoreSessionVersion query) {
        long deadline = System.nanoTime() + properties.awaitTimeout().toNanos();
        long recheck = properties.awaitRecheckInterval().toNanos();
        // Registered before the first look at the table, so that a commit between the two is not missed.
        ReadModelProgress.Waiter waiter = progress.waitFor(query.sessionId(), query.version());
        try {
            while (shownVersion.applyAsLong(query.sessionId()) < query.version()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (waiter.awaitShown(Math.min(left, recheck))) {
                    return true;
                }
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            progress.stopWaiting(query.sessionId(), waiter);
        }
    }
}
