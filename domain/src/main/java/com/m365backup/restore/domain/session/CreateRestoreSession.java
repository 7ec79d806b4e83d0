package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Creates a draft session for a tenant, with its first artifacts: mailbox restore artifacts or granular ones, not
 * both; all or nothing (docs/api.md, Create and Granular restore).
 */
public record CreateRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        List<NewMailboxArtifact> artifacts,
        List<NewGranularArtifact> granularArtifacts,
        Instant requestedAt) {

    public CreateRestoreSession {
        artifacts = List.copyOf(artifacts);
        granularArtifacts = List.copyOf(granularArtifacts);
    }

    /** A session of whole mailboxes (or an empty one). */
    public CreateRestoreSession(String sessionId, String tenantId, List<NewMailboxArtifact> artifacts,
                                Instant requestedAt) {
        this(sessionId, tenantId, artifacts, List.of(), requestedAt);
    }
}
