package com.m365backup.restore.domain.session;

/**
 * Where a bulk addition request stands (docs/api.md, Bulk addition requests): {@code active} until the session is
 * activated, then {@code completed} when every mailbox was resolved to a restore point, {@code completedWithErrors}
 * when some were not.
 */
public enum BulkAdditionRequestStatus {
    ACTIVE("active"),
    COMPLETED("completed"),
    COMPLETED_WITH_ERRORS("completedWithErrors");

    private final String graphName;

    BulkAdditionRequestStatus(String graphName) {
        this.graphName = graphName;
    }

    /** The member's name in Graph's JSON. */
    public String graphName() {
        return graphName;
    }
}
