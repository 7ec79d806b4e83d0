package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A mailbox restore artifact left a draft session. */
@Revision("1")
public record MailboxArtifactRemoved(String sessionId, String artifactId, RemovalReason reason, Instant removedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
