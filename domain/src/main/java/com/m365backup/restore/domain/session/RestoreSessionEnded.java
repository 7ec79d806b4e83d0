package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Every artifact of the session has ended: {@code completed} if all succeeded, {@code failed} if all failed,
 * {@code completedWithError} otherwise (docs/api.md, Lifecycle).
 */
@Revision("1")
public record RestoreSessionEnded(String sessionId, RestoreSessionStatus status, int succeeded, int failed,
                                  Instant completedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
