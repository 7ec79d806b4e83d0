package com.m365backup.restore.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Takes one artifact out of a draft session (one "@removed" item of the delta PATCH). */
public record RemoveMailboxArtifact(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        String artifactId,
        RemovalReason reason,
        Instant requestedAt) {
}
