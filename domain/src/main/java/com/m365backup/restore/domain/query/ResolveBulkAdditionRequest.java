package com.m365backup.restore.domain.query;

import java.time.Instant;

/**
 * Asks the restore point catalog to resolve the active bulk addition request of a tenant's session at {@code at}:
 * for each of its mailboxes, the restore point its preference picks within its window and tag, among those that have
 * not expired (docs/api.md, Bulk addition requests); answers an {@code Optional<BulkMailboxResolution>}, empty when
 * the session has no active bulk addition request.
 */
public record ResolveBulkAdditionRequest(String tenantId, String sessionId, Instant at) {
}
