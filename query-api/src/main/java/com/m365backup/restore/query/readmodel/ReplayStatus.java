package com.m365backup.restore.query.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * How far a rebuild of the read model has come: the event store's position the rebuild has reached, the head
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
    /** It broke off; the live read model is as it was before. */
    public static final String FAILED = "failed";
    /** Another node was rebuilding already; this one did not start. */
    public static final String RUNNING_ELSEWHERE = "runningElsewhere";

    public boolean completed() {
        return COMPLETED.equals(state);
    }

    /** Whether it has ended, one way or another. */
    public boolean ended() {
        return COMPLETED.equals(state) || FAILED.equals(state) || RUNNING_ELSEWHERE.equals(state);
    }
}
