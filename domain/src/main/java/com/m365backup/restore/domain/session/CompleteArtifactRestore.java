package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that the restorer restored an artifact in progress: where to, and how many items. */
public record CompleteArtifactRestore(
        @TargetAggregateIdentifier String sessionId,
        String artifactId,
        String restoredFolderId,
        String restoredFolderName,
        int restoredItemCount,
        Instant completedAt) {
}
