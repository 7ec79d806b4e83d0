package com.m365backup.restore.session;

/**
 * A command the {@link RestoreSession} refused: nothing was applied. The message is a sentence a person understands,
 * as it reaches API callers unchanged.
 */
public class RestoreSessionRejected extends RuntimeException {

    private final Rejection rejection;

    public RestoreSessionRejected(Rejection rejection, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    static RestoreSessionRejected unknownArtifact(String artifactId) {
        return new RestoreSessionRejected(Rejection.UNKNOWN_ARTIFACT,
                "The identifier to be removed from the Restore Session does not exist");
    }

    static RestoreSessionRejected mailboxAlreadyInSession(String restorePointId) {
        return new RestoreSessionRejected(Rejection.MAILBOX_ALREADY_IN_SESSION,
                "The mailbox of restore point '" + restorePointId + "' already has an artifact in this restore session.");
    }

    static RestoreSessionRejected differentDestinationType(DestinationType sessionType, DestinationType requested) {
        return new RestoreSessionRejected(Rejection.DIFFERENT_DESTINATION_TYPE,
                "All artifacts of a restore session must share one destination type; this session restores "
                        + describe(sessionType) + ", not " + describe(requested) + ".");
    }

    public static RestoreSessionRejected unknownRestorePoint(String restorePointId) {
        return new RestoreSessionRejected(Rejection.UNKNOWN_RESTORE_POINT,
                "Restore point '" + restorePointId + "' does not exist.");
    }

    static RestoreSessionRejected restorePointExpired(String restorePointId) {
        return new RestoreSessionRejected(Rejection.RESTORE_POINT_EXPIRED,
                "Restore point '" + restorePointId + "' has expired and can no longer be restored.");
    }

    static RestoreSessionRejected artifactLimitReached(int limit) {
        return new RestoreSessionRejected(Rejection.ARTIFACT_LIMIT_REACHED,
                "A restore session can hold at most " + limit + " artifacts; remove one before adding another.");
    }

    static RestoreSessionRejected notInDraft(RestoreSessionStatus status) {
        return new RestoreSessionRejected(Rejection.SESSION_NOT_IN_DRAFT,
                "The restore session can only be changed in draft state; it is " + status.graphName() + ".");
    }

    static RestoreSessionRejected notAllowed(String action, RestoreSessionStatus status) {
        return new RestoreSessionRejected(Rejection.SESSION_NOT_IN_DRAFT,
                "A restore session can only be " + action + " in draft state; this one is " + status.graphName() + ".");
    }

    static RestoreSessionRejected noArtifacts() {
        return new RestoreSessionRejected(Rejection.NO_ARTIFACTS,
                "A restore session needs at least one mailbox restore artifact to be activated.");
    }

    static RestoreSessionRejected tooManyActiveSessions(int maxActiveSessions) {
        return new RestoreSessionRejected(Rejection.TOO_MANY_ACTIVE_SESSIONS,
                "The tenant already has " + maxActiveSessions
                        + " restore sessions activating or active; wait until one of them ends.");
    }

    static RestoreSessionRejected tooManyMailboxesInRestore(int inRestore, int adding, int maxMailboxes) {
        return new RestoreSessionRejected(Rejection.TOO_MANY_MAILBOXES_IN_RESTORE,
                "Activating this session would restore " + (inRestore + adding) + " mailboxes of the tenant at once;"
                        + " at most " + maxMailboxes + " may be in restore at the same time.");
    }

    static RestoreSessionRejected notAtThatStep(String artifactId, ArtifactRestoreStatus status) {
        return new RestoreSessionRejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP,
                "Artifact '" + artifactId + "' is " + (status == null ? "not in this session" : status.graphName())
                        + ", where this step of its restore does not apply.");
    }

    /** The one sentence a caller reads for a session that does not exist for it (never there, deleted, another tenant's). */
    public static RestoreSessionRejected notFound(String sessionId) {
        return new RestoreSessionRejected(Rejection.SESSION_NOT_FOUND,
                "Restore session '" + sessionId + "' was not found.");
    }

    private static String describe(DestinationType type) {
        return type == DestinationType.IN_PLACE ? "in place" : "to a new folder";
    }
}
