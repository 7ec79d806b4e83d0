package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The restore engine's verdict on an artifact in {@code scheduling}: it may be scheduled, unless another active
 * session of the tenant is restoring its mailbox ({@code competingSessionId}, null when none) or its restore point
 * has expired.
 */
public record ScheduleArtifactRestore(
        @TargetAggregateIdentifier String sessionId,
        String artifactId,
        String competingSessionId,
        Instant scheduledAt) {
}
