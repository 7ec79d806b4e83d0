package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.domain.session.ArtifactRestoreStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An added artifact as a delta answer shows it, its restore point echoed as the client sent it. */
@JsonPropertyOrder({"id", "restorePoint", "destinationType", "status", "createdDateTime"})
record AddedArtifact(
        String id,
        RestorePointLink restorePoint,
        String destinationType,
        String status,
        OffsetDateTime createdDateTime) implements DeltaResult {

    static AddedArtifact of(String artifactId, DeltaItem.Add item, Instant addedAt) {
        return new AddedArtifact(artifactId, item.restorePoint(), item.destinationType().graphName(),
                ArtifactRestoreStatus.ADDED.graphName(), addedAt.atOffset(ZoneOffset.UTC));
    }
}
