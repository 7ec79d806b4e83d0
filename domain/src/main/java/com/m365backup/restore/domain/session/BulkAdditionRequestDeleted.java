package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A resolved bulk addition request was deleted: gone from its session's paths, its artifacts kept. */
@Revision("1")
public record BulkAdditionRequestDeleted(String sessionId, String requestId, Instant deletedAt)
        implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
