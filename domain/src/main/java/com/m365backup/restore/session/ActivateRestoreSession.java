package com.m365backup.restore.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Starts the restore of a draft session with at least one artifact, within the tenant's limits (spec/api.md, Lifecycle). */
public record ActivateRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        TenantRestoreLoad tenantLoad,
        Instant requestedAt) {
}
