package com.m365backup.restore.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The restorer is restoring an artifact ({@code inProgress}); it carries what the restorer needs to know. */
@Revision("1")
public record ArtifactRestoreStarted(
        String sessionId,
        String tenantId,
        String artifactId,
        String restorePointId,
        String mailboxId,
        DestinationType destinationType,
        Instant startedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
