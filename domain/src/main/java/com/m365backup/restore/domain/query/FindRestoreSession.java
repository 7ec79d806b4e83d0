package com.m365backup.restore.domain.query;

/**
 * Asks for one session of a tenant, optionally with its artifacts and its bulk addition requests; answers an
 * {@code Optional<RestoreSessionView>}.
 */
public record FindRestoreSession(String tenantId, String sessionId, boolean withArtifacts,
                                 boolean withBulkAdditionRequests) {

    /** The session, with or without its artifacts, without its bulk addition requests. */
    public FindRestoreSession(String tenantId, String sessionId, boolean withArtifacts) {
        this(tenantId, sessionId, withArtifacts, false);
    }
}
