package com.m365backup.restore.command;

import java.time.Instant;
import java.util.Optional;

/**
 * The creates of the last day, by the request that made them (docs/api.md, Answers that never contradict the store:
 * a create sent again by the same caller within 24 hours answers the session the first one made). Graph SDKs retry a
 * create on 503 and 429 by themselves; without this a retry of a create whose answer was lost would make a second
 * session.
 */
public interface CreateRequests {

    /** The session the request made, if it made one within the last day. */
    Optional<Made> sessionMadeBy(CommandOrigin.CreateRequestKey request);

    /** Records, in the transaction of the create, that the request made the session (the latest, if made again). */
    void record(CommandOrigin.CreateRequestKey request, Made made, Instant at);

    /** A session a create made, and its version once made (its events, counted from 0). */
    record Made(String sessionId, long version) {
    }
}
