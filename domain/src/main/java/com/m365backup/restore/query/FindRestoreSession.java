package com.m365backup.restore.query;

/** Asks for one session of a tenant, optionally with its artifacts; answers an {@code Optional<RestoreSessionView>}. */
public record FindRestoreSession(String tenantId, String sessionId, boolean withArtifacts) {
}
