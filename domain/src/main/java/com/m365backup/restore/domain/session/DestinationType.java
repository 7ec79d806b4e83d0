package com.m365backup.restore.domain.session;

import java.util.Arrays;
import java.util.Optional;

/** Where a mailbox is restored to; all artifacts of one session share one (docs/api.md, Lifecycle). */
public enum DestinationType {
    NEW("new"),
    IN_PLACE("inPlace");

    private final String graphName;

    DestinationType(String graphName) {
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
    public static Optional<DestinationType> fromGraphName(String graphName) {
        return Arrays.stream(values()).filter(member -> member.graphName.equals(graphName)).findFirst();
    }
}
