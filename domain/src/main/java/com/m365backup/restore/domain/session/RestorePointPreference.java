package com.m365backup.restore.domain.session;

import java.util.Arrays;
import java.util.Optional;

/** Which restore point of a mailbox within a time window a bulk addition request picks (docs/api.md, Bulk). */
public enum RestorePointPreference {
    LATEST("latest"),
    OLDEST("oldest");

    private final String graphName;

    RestorePointPreference(String graphName) {
        this.graphName = graphName;
    }

    /** The member's name in Graph's JSON. */
    public String graphName() {
        return graphName;
    }

    /** The member Graph's JSON names, exactly as spelled (enum values are case-sensitive, docs/api.md). */
    public static Optional<RestorePointPreference> fromGraphName(String graphName) {
        return Arrays.stream(values()).filter(member -> member.graphName.equals(graphName)).findFirst();
    }
}
