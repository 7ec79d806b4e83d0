package com.m365backup.restore.domain.query;

/**
 * Asks for the artifacts of one session of a tenant, in the order they were added: its mailbox restore artifacts, or
 * with {@code granular} its granular ones (docs/api.md, Granular restore); answers an {@link ArtifactList}.
 */
public record ListMailboxArtifacts(String tenantId, String sessionId, boolean granular) {

    /** Its mailbox restore artifacts. */
    public ListMailboxArtifacts(String tenantId, String sessionId) {
        this(tenantId, sessionId, false);
    }
}
