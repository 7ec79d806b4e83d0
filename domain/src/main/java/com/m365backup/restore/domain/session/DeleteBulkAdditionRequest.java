package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Deletes a session's bulk addition request once it has been resolved; the artifacts it made stay (docs/api.md,
 * Bulk addition requests).
 */
public record DeleteBulkAdditionRequest(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        String requestId,
        Instant requestedAt) {
}
