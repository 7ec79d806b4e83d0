package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Adds one artifact to a draft session (one "add" item of the delta PATCH). The artifact id is chosen by the sender,
 * so that the item's result is known without a round-trip and a retry cannot create a second artifact.
 *
 * @param artifactLimit   how many artifacts a session may hold (docs/api.md, PATCH per-item outcomes: 1,000 unless
 *                        configured otherwise); it travels with the command as it is a setting, not history
 * @param expectedVersion the version of the session the client read (its {@code If-Match}), or null: a session that
 *                        has moved on since refuses the command (docs/api.md, Errors, headers, paging: 412)
 */
public record AddMailboxArtifact(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        NewMailboxArtifact artifact,
        Instant requestedAt,
        int artifactLimit,
        @TargetAggregateVersion Long expectedVersion) {

    /** Graph's documented limit of artifacts in one session. */
    public static final int GRAPH_ARTIFACT_LIMIT = 1000;

    /** An add whatever the session's version. */
    public AddMailboxArtifact(String sessionId, String tenantId, NewMailboxArtifact artifact, Instant requestedAt,
                              int artifactLimit) {
        this(sessionId, tenantId, artifact, requestedAt, artifactLimit, null);
    }

    /** An add under Graph's own limit of artifacts per session, whatever the session's version. */
    public AddMailboxArtifact(String sessionId, String tenantId, NewMailboxArtifact artifact, Instant requestedAt) {
        this(sessionId, tenantId, artifact, requestedAt, GRAPH_ARTIFACT_LIMIT, null);
    }
}
