package com.m365backup.restore.query;

/** Asks for a page of a tenant's sessions, oldest first; answers a {@link RestoreSessionPage}. */
public record ListRestoreSessions(String tenantId, int skip, int top, boolean withArtifacts) {
}
