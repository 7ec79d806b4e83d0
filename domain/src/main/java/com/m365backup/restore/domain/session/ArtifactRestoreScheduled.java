package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An artifact is scheduled: it waits for the restorer. */
@Revision("1")
public record ArtifactRestoreScheduled(String sessionId, String artifactId, Instant scheduledAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
