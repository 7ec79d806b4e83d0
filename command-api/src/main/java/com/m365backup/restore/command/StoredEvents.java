package com.m365backup.restore.command;

/**
 * What the event store holds, asked when a write's commit failed in a way that leaves its outcome unknown (the
 * connection broke while PostgreSQL committed): the write's answer must follow what was stored (docs/api.md, Answers
 * that never contradict the store).
 */
public interface StoredEvents {

    /**
     * Whether the session's event at {@code sequence} was stored by the request {@code requestId}; waits a moment for
     * the database to come back, and throws when it cannot be asked.
     */
    boolean storedBy(String sessionId, long sequence, String requestId);
}
