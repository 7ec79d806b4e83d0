package com.m365backup.restore.domain.session;

/**
 * One granular artifact to create a session with: a mailbox restore artifact restricted to the messages a search
 * found (docs/api.md, Granular restore).
 *
 * @param search the search its {@code searchResponseId} names as the service kept it, looked up before the command is
 *               sent; null when the tenant has no such search (the session refuses it: {@code InvalidSearchRequest})
 */
public record NewGranularArtifact(NewMailboxArtifact artifact, String searchResponseId, GranularSearch search) {
}
