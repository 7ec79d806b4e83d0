package com.m365backup.restore.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Creates a draft session for a tenant, with its first artifacts; all or nothing (spec/api.md, Create). */
public record CreateRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        List<NewMailboxArtifact> artifacts,
        Instant requestedAt) {

    public CreateRestoreSession {
        artifacts = List.copyOf(artifacts);
    }
}
