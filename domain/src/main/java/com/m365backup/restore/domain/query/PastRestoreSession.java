package com.m365backup.restore.domain.query;

import java.time.Instant;

/**
 * A session as it stood at a past point (docs/api.md, Audit), or why there is none: the session is unknown to the
 * tenant, or did not exist yet at that point. A deleted session stands as it was when it was deleted, marked so; a
 * retired one as it was when it was retired (docs/api.md, Retention).
 *
 * @param standing  which of the three it is
 * @param session   the session with its artifacts, when it stood then
 * @param deleted   whether it had been deleted by then
 * @param createdAt when its first event was stored, when known to the tenant
 * @param firstVersion the sequence number of its first event, when known to the tenant
 * @param retired   whether it had been retired by then
 */
public record PastRestoreSession(
        Standing standing,
        RestoreSessionView session,
        boolean deleted,
        Instant createdAt,
        long firstVersion,
        boolean retired) {

    /** Whether the session stood at the point asked for. */
    public enum Standing {
        /** No such session in the tenant: never created, or another tenant's. */
        UNKNOWN,
        /** The point is before the session's first event. */
        NOT_YET_CREATED,
        STOOD
    }

    public static PastRestoreSession unknown() {
        return new PastRestoreSession(Standing.UNKNOWN, null, false, null, 0, false);
    }

    public static PastRestoreSession notYetCreated(Instant createdAt, long firstVersion) {
        return new PastRestoreSession(Standing.NOT_YET_CREATED, null, false, createdAt, firstVersion, false);
    }

    public static PastRestoreSession stood(RestoreSessionView session, boolean deleted, boolean retired,
                                           Instant createdAt, long firstVersion) {
        return new PastRestoreSession(Standing.STOOD, session, deleted, createdAt, firstVersion, retired);
    }
}
