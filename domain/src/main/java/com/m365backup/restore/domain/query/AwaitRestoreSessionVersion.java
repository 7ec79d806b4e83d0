package com.m365backup.restore.domain.query;

/**
 * Asks the read side to answer once it shows a session at least at {@code version} (read-your-writes: a write's
 * response waits for it, so a GET right after shows the write); answers {@code true}, or {@code false} on time-out.
 */
public record AwaitRestoreSessionVersion(String sessionId, long version) {
}
