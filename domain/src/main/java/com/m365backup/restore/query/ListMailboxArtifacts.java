package com.m365backup.restore.query;

/** Asks for the artifacts of one session of a tenant, in the order they were added; answers an {@link ArtifactList}. */
public record ListMailboxArtifacts(String tenantId, String sessionId) {
}
