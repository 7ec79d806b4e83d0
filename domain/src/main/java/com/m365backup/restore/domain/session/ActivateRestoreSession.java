package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Starts the restore of a draft session with at least one artifact, within the tenant's limits (docs/api.md,
 * Lifecycle). A bulk session's artifacts are made now, from its bulk addition request as the catalog resolves it
 * (docs/api.md, Bulk addition requests).
 *
 * @param bulkResolution  the session's bulk addition request as the catalog resolved it, or null for a session
 *                        without one
 * @param expectedVersion the version of the session the client read (its {@code If-Match}), or null: a session that
 *                        has moved on since refuses the command (docs/api.md, Errors, headers, paging: 412)
 */
public record ActivateRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        TenantRestoreLoad tenantLoad,
        BulkResolution bulkResolution,
        Instant requestedAt,
        @TargetAggregateVersion Long expectedVersion) {

    /** An activation of a session without a bulk addition request. */
    public ActivateRestoreSession(String sessionId, String tenantId, TenantRestoreLoad tenantLoad,
                                  Instant requestedAt, Long expectedVersion) {
        this(sessionId, tenantId, tenantLoad, null, requestedAt, expectedVersion);
    }

    /** An activation of a session without a bulk addition request, whatever the session's version. */
    public ActivateRestoreSession(String sessionId, String tenantId, TenantRestoreLoad tenantLoad,
                                  Instant requestedAt) {
        this(sessionId, tenantId, tenantLoad, null, requestedAt, null);
    }
}
