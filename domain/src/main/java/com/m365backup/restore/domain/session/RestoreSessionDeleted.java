package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A draft session was deleted: gone from every Graph path, its events kept for audit. */
@Revision("1")
public record RestoreSessionDeleted(String sessionId, Instant deletedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
