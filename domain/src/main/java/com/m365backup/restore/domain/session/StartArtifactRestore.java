package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The restore engine begins restoring a scheduled artifact, unless its restore point expired before its turn. */
public record StartArtifactRestore(@TargetAggregateIdentifier String sessionId, String artifactId, Instant startedAt) {
}
