package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An artifact was restored: into which folder, with how many items. */
@Revision("1")
public record ArtifactRestoreSucceeded(
        String sessionId,
        String artifactId,
        String restoredFolderId,
        String restoredFolderName,
        int restoredItemCount,
        Instant completedAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
