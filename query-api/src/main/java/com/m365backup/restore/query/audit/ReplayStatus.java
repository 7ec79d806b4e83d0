package com.m365backup.restore.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * How far a rebuild of the read model has come: the event store's position the projection has reached, the head
 * it is catching up with, and, once done, how fast it went.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayStatus(
        String state,
        OffsetDateTime startedDateTime,
        OffsetDateTime completedDateTime,
        Long position,
        Long head,
        Long eventsReplayed,
        Double eventsPerSecond) {

    public static final String IDLE = "idle";
    public static final String REPLAYING = "replaying";
    public static final String COMPLETED = "completed";

    public boolean completed() {
        return COMPLETED.equals(state);
    }
}
