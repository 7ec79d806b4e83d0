package com.m365backup.restore.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Adds one artifact to a draft session (one "add" item of the delta PATCH). The artifact id is chosen by the sender,
 * so that the item's result is known without a round-trip and a retry cannot create a second artifact.
 */
public record AddMailboxArtifact(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        NewMailboxArtifact artifact,
        Instant requestedAt) {
}
