package com.m365backup.restore.domain.session;

import java.util.Arrays;
import java.util.Optional;

/** The OData {@code @removed} reason a client gave for taking an artifact out of a session. */
public enum RemovalReason {
    CHANGED("changed"),
    DELETED("deleted");

    private final String graphName;

    RemovalReason(String graphName) {
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
    public static Optional<RemovalReason> fromGraphName(String graphName) {
        return Arrays.stream(values()).filter(member -> member.graphName.equals(graphName)).findFirst();
    }
}
