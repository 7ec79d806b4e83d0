package com.m365backup.restore.domain.session;

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
    ARTIFACT_NOT_AT_THAT_STEP,
    /** A change of artifacts one by one (PATCH) to a session whose artifacts come from a bulk request or a search. */
    NOT_THAT_KIND_OF_SESSION,
    /** A second bulk addition request for a session: it takes one. */
    BULK_REQUEST_EXISTS,
    /** A bulk addition request for a session that already holds artifacts. */
    SESSION_HOLDS_ARTIFACTS,
    /** A bulk addition request the session does not have (never, or deleted). */
    BULK_REQUEST_NOT_FOUND,
    /** Deletion of a bulk addition request that has not been resolved yet. */
    BULK_REQUEST_NOT_RESOLVED_YET,
    /** Activation of a bulk session without its request resolved by the catalog (the sender did not find it). */
    BULK_RESOLUTION_MISSING,
    /** A granular artifact whose search is unknown to the tenant, expired, or not made for its restore point. */
    UNUSABLE_SEARCH,
    /** A create with both mailbox restore artifacts and granular ones. */
    MIXED_ARTIFACT_KINDS,
    /** Retirement of a session that has not been in a terminal state for longer than the retention. */
    NOT_RETIRABLE_YET
}
