package com.m365backup.restore.domain.session;

import java.util.Arrays;
import java.util.Optional;

/** Where a session stands in its lifecycle (docs/api.md, Enums and Lifecycle). */
public enum RestoreSessionStatus {
    DRAFT("draft"),
    ACTIVATING("activating"),
    ACTIVE("active"),
    COMPLETED_WITH_ERROR("completedWithError"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String graphName;

    RestoreSessionStatus(String graphName) {
        this.graphName = graphName;
    }

    /** The member's name in Graph's JSON. */
    public String graphName() {
        return graphName;
    }

    /** Whether the session has ended: {@code completed}, {@code completedWithError} or {@code failed}. */
    public boolean ended() {
        return this == COMPLETED || this == COMPLETED_WITH_ERROR || this == FAILED;
    }

    /**
     * The member Graph's JSON names, spelled exactly so: Graph's enum members are case-sensitive, and
     * {@code INPLACE} is no member (docs/api.md, Answers that never contradict the store).
     */
    public static Optional<RestoreSessionStatus> fromGraphName(String graphName) {
        return Arrays.stream(values()).filter(member -> member.graphName.equals(graphName)).findFirst();
    }
}
