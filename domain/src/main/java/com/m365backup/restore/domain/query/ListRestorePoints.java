package com.m365backup.restore.domain.query;

import java.time.Instant;
import java.util.List;

/**
 * Asks for the restore points of one of a tenant's protection units whose protectionDateTime meets every condition,
 * newest first unless told otherwise, at most {@code limit} of them (docs/api.md, Finding what can be restored: Graph
 * lists at most five); answers a {@link RestorePointList} with each restore point's protection unit.
 */
public record ListRestorePoints(
        String tenantId,
        String protectionUnitId,
        List<TimeCondition> protectionDateTime,
        boolean oldestFirst,
        int limit) {

    public ListRestorePoints {
        protectionDateTime = List.copyOf(protectionDateTime);
    }

    /** OData's comparisons of a time. */
    public enum Comparison {
        LT,
        LE,
        GT,
        GE
    }

    /** One condition on protectionDateTime. */
    public record TimeCondition(Comparison comparison, Instant time) {
    }
}
