package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.AwaitRestoreSessionGone;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers {@link AwaitRestoreSessionGone} once the read model no longer shows a deleted session, so that a GET after
 * a DELETE's answer is a 404 (docs/design.md, The read path).
 */
@Component
class DeletedSessions {

    private static final long ANY_VERSION = 0;

    private final ReadModelProgress progress;
    private final JdbcTemplate jdbc;
    private final ReadModelProperties properties;

    DeletedSessions(ReadModelProgress progress, JdbcTemplate jdbc, ReadModelProperties properties) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @QueryHandler
    Boolean handle(AwaitRestoreSessionGone query) {
        long deadline = System.nanoTime() + properties.awaitTimeout().toNanos();
        long recheck = properties.awaitRecheckInterval().toNanos();
        try {
            while (shown(query.sessionId())) {
                // Registered before looking again, so that the projection's notice between the two is not missed.
                ReadModelProgress.Waiter waiter = progress.waitFor(query.sessionId(), ANY_VERSION);
                try {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    if (shown(query.sessionId())) {
                        waiter.awaitShown(Math.min(left, recheck));
                    }
                } finally {
                    progress.stopWaiting(query.sessionId(), waiter);
                }
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean shown(String sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from restore_session where id = ?)", Boolean.class, sessionId));
    }
}
