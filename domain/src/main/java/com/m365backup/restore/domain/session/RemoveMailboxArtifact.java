package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Takes one artifact out of a draft session (one "@removed" item of the delta PATCH).
 *
 * @param expectedVersion the version of the session the client read (its {@code If-Match}), or null: a session that
 *                        has moved on since refuses the command (docs/api.md, Errors, headers, paging: 412)
 */
public record RemoveMailboxArtifact(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        String artifactId,
        RemovalReason reason,
        Instant requestedAt,
        @TargetAggregateVersion Long expectedVersion) {

    /** A removal whatever the session's version. */
    public RemoveMailboxArtifact(String sessionId, String tenantId, String artifactId, RemovalReason reason,
                                 Instant requestedAt) {
        this(sessionId, tenantId, artifactId, reason, requestedAt, null);
    }
}
