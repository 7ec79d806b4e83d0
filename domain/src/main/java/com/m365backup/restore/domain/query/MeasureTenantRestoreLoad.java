package com.m365backup.restore.domain.query;

/**
 * Asks how many of a tenant's sessions are activating or active, and how many of their mailboxes have not finished
 * restoring; answers a {@link TenantRestoresInProgress}. Activation measures it against the tenant's limits.
 */
public record MeasureTenantRestoreLoad(String tenantId) {
}
