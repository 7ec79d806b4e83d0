package com.m365backup.restore.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Starts the restore of a draft session with at least one artifact, within the tenant's limits (spec/api.md,
 * Lifecycle).
 *
 * @param expectedVersion the version of the session the client read (its {@code If-Match}), or null: a session that
 *                        has moved on since refuses the command (spec/api.md, Errors, headers, paging: 412)
 */
public record ActivateRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        TenantRestoreLoad tenantLoad,
        Instant requestedAt,
        @TargetAggregateVersion Long expectedVersion) {

    /** An activation whatever the session's version. */
    public ActivateRestoreSession(String sessionId, String tenantId, TenantRestoreLoad tenantLoad,
                                  Instant requestedAt) {
        this(sessionId, tenantId, tenantLoad, requestedAt, null);
    }
}
