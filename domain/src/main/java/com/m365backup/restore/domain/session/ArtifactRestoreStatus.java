package com.m365backup.restore.domain.session;

import java.util.Arrays;
import java.util.Optional;

/** Where one mailbox restore artifact stands in its lifecycle (docs/api.md, Enums and Lifecycle). */
public enum ArtifactRestoreStatus {
    ADDED("added"),
    SCHEDULING("scheduling"),
    SCHEDULED("scheduled"),
    IN_PROGRESS("inProgress"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String graphName;

    ArtifactRestoreStatus(String graphName) {
        this.graphName = graphName;
    }

    /** The member's name in Graph's JSON. */
    public String graphName() {
        return graphName;
    }

    /**
     * The member Graph's JSON names, spelled exactly so: Graph's enum members are case-sensitive, and
     * {@code INPLACE} is no member (docs/api.md, Answers that never contradict the store).
     */
    public static Optional<ArtifactRestoreStatus> fromGraphName(String graphName) {
        return Arrays.stream(values()).filter(member -> member.graphName.equals(graphName)).findFirst();
    }
}
