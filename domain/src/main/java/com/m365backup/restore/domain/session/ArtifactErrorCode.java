package com.m365backup.restore.domain.session;

/** Why an artifact's restore failed, as Graph's artifact error codes name it (docs/api.md, Lifecycle). */
public enum ArtifactErrorCode {
    ARTIFACT_NOT_FOUND("ArtifactNotFound"),
    INVALID_RESTORE_TIME("InvalidRestoreTime"),
    ARTIFACT_CANNOT_BE_RESTORED("ArtifactCannotBeRestored"),
    DUPLICATE_ARTIFACT_RESTORE_REQUEST("DuplicateArtifactRestoreRequest"),
    UNKNOWN_ERROR("UnknownError");

    private final String graphName;

    ArtifactErrorCode(String graphName) {
        this.graphName = graphName;
    }

    /** The code in Graph's publicError. */
    public String graphName() {
        return graphName;
    }
}
