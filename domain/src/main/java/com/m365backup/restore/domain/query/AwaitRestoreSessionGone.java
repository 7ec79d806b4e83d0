package com.m365backup.restore.domain.query;

/**
 * Asks the read side to answer once it no longer shows a deleted session (read-your-writes for DELETE); answers
 * {@code true}, or {@code false} on time-out.
 */
public record AwaitRestoreSessionGone(String sessionId) {
}
