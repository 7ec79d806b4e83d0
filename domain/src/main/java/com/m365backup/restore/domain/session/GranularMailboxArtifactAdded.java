package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A granular mailbox restore artifact joined a session as it was created, in status {@code added}: the mailbox of a
 * restore point, restricted to the messages its search's query finds (docs/api.md, Granular restore).
 */
@Revision("1")
public record GranularMailboxArtifactAdded(
        String sessionId,
        String artifactId,
        String restorePointId,
        String mailboxId,
        Instant restorePointExpiresAt,
        DestinationType destinationType,
        String searchResponseId,
        ArtifactQuery artifactQuery,
        Instant addedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
