package com.m365backup.restore.command.session;

import com.m365backup.restore.command.RequestRefused;
import com.m365backup.restore.session.Rejection;
import org.springframework.http.HttpStatus;

/**
 * How a rejection by the RestoreSession aggregate reads in Graph: a status and a code (spec/api.md, PATCH per-item
 * outcomes and request-level checks). The message is the aggregate's own sentence.
 */
record GraphRejection(HttpStatus status, String code) {

    static GraphRejection of(Rejection rejection) {
        return switch (rejection) {
            case UNKNOWN_ARTIFACT -> new GraphRejection(HttpStatus.CONFLICT, "Invalid");
            case MAILBOX_ALREADY_IN_SESSION -> new GraphRejection(HttpStatus.CONFLICT, "DuplicateArtifactInList");
            case DIFFERENT_DESTINATION_TYPE ->
                    new GraphRejection(HttpStatus.BAD_REQUEST, "DifferentRestoreDestinationType");
            case UNKNOWN_RESTORE_POINT -> new GraphRejection(HttpStatus.BAD_REQUEST, "InvalidRestorePoint");
            case RESTORE_POINT_EXPIRED -> new GraphRejection(HttpStatus.BAD_REQUEST, "InvalidRestoreTime");
            case ARTIFACT_LIMIT_REACHED -> new GraphRejection(HttpStatus.BAD_REQUEST, "RestoreArtifactsLimitBreached");
            case SESSION_NOT_IN_DRAFT -> new GraphRejection(HttpStatus.FORBIDDEN, "RestoreSessionActionNotAllowed");
            case SESSION_NOT_FOUND -> new GraphRejection(HttpStatus.NOT_FOUND, "RestoreSessionNotFound");
            case NO_ARTIFACTS -> new GraphRejection(HttpStatus.BAD_REQUEST, "InvalidArtifactRequest");
            // 500 is what Graph documents for this limit, odd as it is for a client's error.
            case TOO_MANY_ACTIVE_SESSIONS ->
                    new GraphRejection(HttpStatus.INTERNAL_SERVER_ERROR, "TooManyActiveRestoreSessions");
            case TOO_MANY_MAILBOXES_IN_RESTORE ->
                    new GraphRejection(HttpStatus.BAD_REQUEST, "RestoreArtifactsLimitBreached");
            // Only the restore engine sends the steps of a restore; no request of a client meets this.
            case ARTIFACT_NOT_AT_THAT_STEP -> new GraphRejection(HttpStatus.CONFLICT, "Invalid");
        };
    }

    /** Whether it is about the session rather than one artifact; such a rejection refuses a request that changed nothing. */
    boolean concernsSession() {
        return status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN;
    }

    /** The whole request refused for this reason, in the session's words. */
    RequestRefused refusal(String message) {
        return new RequestRefused(status, code, message);
    }
}
