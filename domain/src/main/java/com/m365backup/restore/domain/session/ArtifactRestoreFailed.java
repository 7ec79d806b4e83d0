package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The restore of an artifact failed, with Graph's code and a sentence for a person. */
@Revision("1")
public record ArtifactRestoreFailed(
        String sessionId,
        String artifactId,
        ArtifactErrorCode code,
        String message,
        Instant failedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
