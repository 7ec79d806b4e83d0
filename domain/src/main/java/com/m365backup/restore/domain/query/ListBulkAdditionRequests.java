package com.m365backup.restore.domain.query;

/**
 * Asks for the bulk addition requests of one session of a tenant (at most one, as a session takes one); answers a
 * {@link BulkAdditionRequestList}, each request with its mailboxes when {@code withMailboxes} (docs/api.md, Bulk
 * addition requests: a list shows them without).
 */
public record ListBulkAdditionRequests(String tenantId, String sessionId, boolean withMailboxes) {
}
