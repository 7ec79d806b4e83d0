package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A draft session was activated: it is {@code activating}, and each of its artifacts follows into scheduling. */
@Revision("1")
public record RestoreSessionActivated(String sessionId, String tenantId, Instant activatedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
