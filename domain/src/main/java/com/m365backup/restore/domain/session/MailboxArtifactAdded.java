package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A mailbox restore artifact joined a draft session, in status {@code added}. */
@Revision("1")
public record MailboxArtifactAdded(
        String sessionId,
        String artifactId,
        String restorePointId,
        String mailboxId,
        Instant restorePointExpiresAt,
        DestinationType destinationType,
        Instant addedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
