package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Every artifact of an activating session has been scheduled (or failed to be): the session is {@code active}. */
@Revision("1")
public record RestoreSessionStarted(String sessionId, Instant startedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
