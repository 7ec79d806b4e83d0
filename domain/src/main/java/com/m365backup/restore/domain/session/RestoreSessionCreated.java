package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A draft session came into being for a tenant; its first artifacts follow as {@link MailboxArtifactAdded}. */
@Revision("1")
public record RestoreSessionCreated(String sessionId, String tenantId, Instant createdAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
