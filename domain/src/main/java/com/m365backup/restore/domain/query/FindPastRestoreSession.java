package com.m365backup.restore.domain.query;

import java.time.Instant;

/**
 * Asks for a tenant's session as it stood at a past point, rebuilt from its events: at a time ({@code asOf}, the
 * events stored up to then) or at a version ({@code version}, the events up to that sequence number), exactly one of
 * the two (docs/api.md, Audit); answers a {@link PastRestoreSession}.
 */
public record FindPastRestoreSession(String tenantId, String sessionId, Instant asOf, Long version) {

    public FindPastRestoreSession {
        if ((asOf == null) == (version == null)) {
            throw new IllegalArgumentException("A past state is asked for at a time or at a version, not both or none");
        }
    }

    public static FindPastRestoreSession asOf(String tenantId, String sessionId, Instant asOf) {
        return new FindPastRestoreSession(tenantId, sessionId, asOf, null);
    }

    public static FindPastRestoreSession atVersion(String tenantId, String sessionId, long version) {
        return new FindPastRestoreSession(tenantId, sessionId, null, version);
    }
}
