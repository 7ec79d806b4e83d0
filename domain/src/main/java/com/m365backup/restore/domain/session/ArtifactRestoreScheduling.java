package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An artifact of an activated session is being scheduled: the engine checks that its mailbox is free to restore. */
@Revision("1")
public record ArtifactRestoreScheduling(
        String sessionId,
        String tenantId,
        String artifactId,
        String mailboxId,
        Instant schedulingAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
