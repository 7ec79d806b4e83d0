package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.session.UnresolvedMailbox;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of {@code bulk_addition_request} as a batch of events leaves it: whole when the batch created the request,
 * otherwise only the columns the batch changed (the others null, left as they are).
 */
final class BulkRequestRow {

    final String sessionId;
    final String id;
    String displayName;
    String destinationType;
    OffsetDateTime protectionStart;
    OffsetDateTime protectionEnd;
    String restorePointPreference;
    String tags;
    String status;
    List<String> mailboxes;
    List<String> directoryObjectIds;
    String errorCode;
    String errorMessage;
    List<UnresolvedMailbox> errorDetails;
    RestoreSessionFold.Who createdBy;
    OffsetDateTime createdDateTime;
    RestoreSessionFold.Modification lastModified;

    BulkRequestRow(String sessionId, String id) {
        this.sessionId = sessionId;
        this.id = id;
    }
}
