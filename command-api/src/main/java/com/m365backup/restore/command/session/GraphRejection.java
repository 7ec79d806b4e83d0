package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.request.RequestRefused.Kind;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.Rejection;

/**
 * How a rejection by the RestoreSession aggregate reads in Graph: a kind of refusal (and with it a status) and a code
 * (docs/api.md, PATCH per-item outcomes and request-level checks). The message is the aggregate's own sentence.
 */
record GraphRejection(Kind kind, String code) {

    static GraphRejection of(Rejection rejection) {
        return switch (rejection) {
            case UNKNOWN_ARTIFACT -> new GraphRejection(Kind.CONFLICT, "Invalid");
            case MAILBOX_ALREADY_IN_SESSION -> new GraphRejection(Kind.CONFLICT, "DuplicateArtifactInList");
            case DIFFERENT_DESTINATION_TYPE ->
                    new GraphRejection(Kind.INVALID_REQUEST, "DifferentRestoreDestinationType");
            case UNKNOWN_RESTORE_POINT -> new GraphRejection(Kind.INVALID_REQUEST, "InvalidRestorePoint");
            case RESTORE_POINT_EXPIRED -> new GraphRejection(Kind.INVALID_REQUEST, "InvalidRestoreTime");
            case ARTIFACT_LIMIT_REACHED -> new GraphRejection(Kind.INVALID_REQUEST, "RestoreArtifactsLimitBreached");
            case SESSION_NOT_IN_DRAFT -> new GraphRejection(Kind.FORBIDDEN, "RestoreSessionActionNotAllowed");
            case SESSION_NOT_FOUND -> new GraphRejection(Kind.NOT_FOUND, "RestoreSessionNotFound");
            case NO_ARTIFACTS -> new GraphRejection(Kind.INVALID_REQUEST, "InvalidArtifactRequest");
            case TOO_MANY_ACTIVE_SESSIONS ->
                    new GraphRejection(Kind.OVER_CAPACITY, "TooManyActiveRestoreSessions");
            case TOO_MANY_MAILBOXES_IN_RESTORE ->
                    new GraphRejection(Kind.INVALID_REQUEST, "RestoreArtifactsLimitBreached");
            // Only the restore engine sends the steps of a restore; no request of a client meets this.
            case ARTIFACT_NOT_AT_THAT_STEP -> new GraphRejection(Kind.CONFLICT, "Invalid");
            // docs/api.md, Bulk addition requests: a PATCH or a second request on a bulk session, and a request on a
            // session that holds artifacts, are all "not allowed" for the session as it is.
            case NOT_THAT_KIND_OF_SESSION, BULK_REQUEST_EXISTS, SESSION_HOLDS_ARTIFACTS ->
                    new GraphRejection(Kind.FORBIDDEN, "RestoreSessionActionNotAllowed");
            case BULK_REQUEST_NOT_FOUND -> new GraphRejection(Kind.NOT_FOUND, "BulkRestoreArtifactsNotFound");
            case BULK_REQUEST_NOT_RESOLVED_YET ->
                    new GraphRejection(Kind.FORBIDDEN, "InvalidStateForBulkRequestDeletion");
            // The read side has not shown a bulk request the session has: nothing changed, the client may retry.
            case BULK_RESOLUTION_MISSING -> new GraphRejection(Kind.CONFLICT, "Conflict");
            case UNUSABLE_SEARCH -> new GraphRejection(Kind.INVALID_REQUEST, "InvalidSearchRequest");
            case MIXED_ARTIFACT_KINDS -> new GraphRejection(Kind.INVALID_REQUEST, "BadRequest");
            // Only the retention job retires sessions; no request of a client meets this.
            case NOT_RETIRABLE_YET -> new GraphRejection(Kind.CONFLICT, "Conflict");
        };
    }

    /** Whether it is about the session rather than one artifact; such a rejection refuses a request that changed nothing. */
    boolean concernsSession() {
        return kind == Kind.NOT_FOUND || kind == Kind.FORBIDDEN;
    }

    /** The whole request refused for this reason, in the session's words. */
    RequestRefused refusal(String message) {
        return new RequestRefused(kind, code, message);
    }
}
