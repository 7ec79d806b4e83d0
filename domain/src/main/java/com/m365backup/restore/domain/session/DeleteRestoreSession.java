package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Deletes a draft session; its events stay for audit (docs/api.md, Lifecycle).
 *
 * @param expectedVersion the version of the session the client read (its {@code If-Match}), or null: a session that
 *                        has moved on since refuses the command (docs/api.md, Errors, headers, paging: 412)
 */
public record DeleteRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        Instant requestedAt,
        @TargetAggregateVersion Long expectedVersion) {

    /** A deletion whatever the session's version. */
    public DeleteRestoreSession(String sessionId, String tenantId, Instant requestedAt) {
        this(sessionId, tenantId, requestedAt, null);
    }
}
