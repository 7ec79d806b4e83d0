package com.m365backup.restore.domain.query;

import java.time.Instant;

/**
 * Asks for sessions of any tenant that ended before {@code endedBefore}, at most {@code limit} of them, oldest end
 * first (docs/api.md, Retention); answers a {@code List<String>} of session ids. The session itself decides whether
 * it is retired.
 */
public record FindRetirableSessions(Instant endedBefore, int limit) {
}
