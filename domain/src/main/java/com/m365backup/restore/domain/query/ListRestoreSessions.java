package com.m365backup.restore.domain.query;

import java.time.Instant;
import java.util.List;

/**
 * Asks for a page of a tenant's sessions that meet every condition, in the order asked for (oldest first unless
 * told otherwise), starting after {@code after} when it is given (docs/api.md, Errors, headers, paging); answers a
 * {@link RestoreSessionPage} whose total counts every session that meets the conditions.
 *
 * @param after the last session of the previous page, or null for the first page: a page starts after a session
 *              rather than after a number of them, so that sessions added meanwhile neither repeat nor hide one
 */
public record ListRestoreSessions(
        String tenantId,
        int skip,
        int top,
        boolean withArtifacts,
        List<Condition> conditions,
        Order order,
        Position after) {

    public ListRestoreSessions {
        conditions = List.copyOf(conditions);
    }

    public ListRestoreSessions(String tenantId, int skip, int top, boolean withArtifacts) {
        this(tenantId, skip, top, withArtifacts, List.of(), Order.OLDEST_FIRST, null);
    }

    /** The properties of a session a list can be filtered or ordered by. */
    public enum Property {
        STATUS,
        CREATED_DATE_TIME,
        LAST_MODIFIED_DATE_TIME
    }

    /** OData's comparison operators that a filter may use. */
    public enum Comparison {
        EQ,
        NE,
        GE,
        LE
    }

    /**
     * One condition of {@code $filter}.
     *
     * @param value a status by its Graph name, or an {@link Instant} in ISO-8601 for a time
     */
    public record Condition(Property property, Comparison comparison, String value) {
    }

    /** The order of {@code $orderby}; sessions that tie are ordered by id, in the same direction. */
    public record Order(Property property, boolean descending) {

        public static final Order OLDEST_FIRST = new Order(Property.CREATED_DATE_TIME, false);
    }

    /** Where the previous page ended: the ordering property's value of its last session, and that session's id. */
    public record Position(Instant value, String sessionId) {
    }
}
