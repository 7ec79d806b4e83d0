package com.m365backup.restore.domain.session;

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

    static RestoreSessionRejected notThatKindOfSession(RestoreJobType jobType) {
        return new RestoreSessionRejected(Rejection.NOT_THAT_KIND_OF_SESSION, jobType == RestoreJobType.BULK
                ? "The artifacts of this restore session come from its bulk addition request; they cannot be"
                + " added or removed one by one."
                : "This granular restore session holds the granular artifacts it was created with; mailbox restore"
                + " artifacts cannot be added to it or removed from it.");
    }

    static RestoreSessionRejected bulkRequestExists(String requestId) {
        return new RestoreSessionRejected(Rejection.BULK_REQUEST_EXISTS, "A restore session takes one bulk addition"
                + " request, and this one has one already ('" + requestId + "').");
    }

    static RestoreSessionRejected sessionHoldsArtifacts(RestoreJobType jobType) {
        return new RestoreSessionRejected(Rejection.SESSION_HOLDS_ARTIFACTS, "A bulk addition request can only be"
                + " made for a draft restore session without artifacts; this one holds "
                + (jobType == RestoreJobType.GRANULAR ? "granular artifacts." : "mailbox restore artifacts."));
    }

    static RestoreSessionRejected bulkRequestNotFound(String requestId) {
        return new RestoreSessionRejected(Rejection.BULK_REQUEST_NOT_FOUND,
                "Bulk addition request '" + requestId + "' was not found in this restore session.");
    }

    static RestoreSessionRejected bulkRequestNotResolvedYet(String requestId) {
        return new RestoreSessionRejected(Rejection.BULK_REQUEST_NOT_RESOLVED_YET, "Bulk addition request '"
                + requestId + "' is still active; it can be deleted once the session's activation has resolved it"
                + " (completed or completedWithErrors).");
    }

    static RestoreSessionRejected bulkResolutionMissing(String requestId) {
        return new RestoreSessionRejected(Rejection.BULK_RESOLUTION_MISSING, "The bulk addition request '"
                + requestId + "' of this session is still being recorded; activate the session again in a moment.");
    }

    static RestoreSessionRejected noneResolved(int unresolved) {
        return new RestoreSessionRejected(Rejection.NO_ARTIFACTS, "None of the " + unresolved + " mailboxes of the"
                + " bulk addition request has a restore point in its time period; the restore session cannot be"
                + " activated.");
    }

    static RestoreSessionRejected unusableSearch(String message) {
        return new RestoreSessionRejected(Rejection.UNUSABLE_SEARCH, message);
    }

    static RestoreSessionRejected mixedArtifactKinds() {
        return new RestoreSessionRejected(Rejection.MIXED_ARTIFACT_KINDS, "A restore session holds either mailbox"
                + " restore artifacts or granular mailbox restore artifacts, not both.");
    }

    static RestoreSessionRejected notRetirableYet(RestoreSessionStatus status) {
        return new RestoreSessionRejected(Rejection.NOT_RETIRABLE_YET, "The restore session is " + status.graphName()
                + "; only a session that ended longer ago than the retention is retired.");
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
