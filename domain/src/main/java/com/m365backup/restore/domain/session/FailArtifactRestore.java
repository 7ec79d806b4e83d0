package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that the restore of an artifact that has not ended failed, with a code and a sentence for a person. */
public record FailArtifactRestore(
        @TargetAggregateIdentifier String sessionId,
        String artifactId,
        ArtifactErrorCode code,
        String message,
        Instant failedAt) {
}
