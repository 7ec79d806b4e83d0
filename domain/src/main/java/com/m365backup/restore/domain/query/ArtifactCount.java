package com.m365backup.restore.domain.query;

/** Graph's restoreSessionArtifactCount. */
public record ArtifactCount(int total, int completed, int failed, int inProgress) {
}
