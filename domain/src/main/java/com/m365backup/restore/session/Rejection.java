package com.m365backup.restore.session;

/** Why the aggregate refused a command; the API layer maps each to a status and a Graph error code. */
public enum Rejection {
    /** Remove of an artifact id the session does not hold (any more). */
    UNKNOWN_ARTIFACT,
    /** Add of a mailbox that already has an artifact in the session. */
    MAILBOX_ALREADY_IN_SESSION,
    /** Add with another destination type than the session's artifacts have. */
    DIFFERENT_DESTINATION_TYPE,
    /** Add of a restore point that the tenant's catalog does not hold. */
    UNKNOWN_RESTORE_POINT,
    /** Add of a restore point that had expired when the command was sent. */
    RESTORE_POINT_EXPIRED,
    /** Add to a session that holds as many artifacts as a session may. */
    ARTIFACT_LIMIT_REACHED,
    /** A change to a session that has left {@code draft}. */
    SESSION_NOT_IN_DRAFT,
    /** The session does not exist for the caller's tenant (or was deleted). */
    SESSION_NOT_FOUND,
    /** Activation of a session without artifacts. */
    NO_ARTIFACTS,
    /** Activation while the tenant already has as many sessions activating or active as it may. */
    TOO_MANY_ACTIVE_SESSIONS,
    /** Activation that would put more of the tenant's mailboxes in restore at once than it may. */
    TOO_MANY_MAILBOXES_IN_RESTORE,
    /** A step of the restore engine for an artifact that is not (any more) where that step begins. */
    ARTIFACT_NOT_AT_THAT_STEP
}
