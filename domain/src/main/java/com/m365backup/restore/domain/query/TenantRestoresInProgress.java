package com.m365backup.restore.domain.query;

/** A tenant's sessions activating or active, and their mailboxes that have not finished restoring. */
public record TenantRestoresInProgress(int activeSessions, int mailboxesInRestore) {
}
