package com.m365backup.restore.command.session;

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
            case RESTORE_POINT_EXPIRED -> new GraphRejection(HttpStatus.BAD_REQUEST, "InvalidRestoreTime");
            case SESSION_NOT_IN_DRAFT -> new GraphRejection(HttpStatus.FORBIDDEN, "RestoreSessionActionNotAllowed");
            case SESSION_NOT_FOUND -> sessionNotFound();
        };
    }

    /** An add naming a restore point the catalog does not hold; no command is sent for it. */
    static GraphRejection unknownRestorePoint() {
        return new GraphRejection(HttpStatus.BAD_REQUEST, "InvalidRestorePoint");
    }

    static GraphRejection sessionNotFound() {
        return new GraphRejection(HttpStatus.NOT_FOUND, "RestoreSessionNotFound");
    }

    /** Whether it is about the session rather than one artifact; such a rejection refuses a request that changed nothing. */
    boolean concernsSession() {
        return status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN;
    }
}
