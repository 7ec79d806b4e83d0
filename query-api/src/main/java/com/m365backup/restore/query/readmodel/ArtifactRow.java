package com.m365backup.restore.query.readmodel;

import java.time.OffsetDateTime;

/**
 * One row of {@code mailbox_restore_artifact} as a batch of events leaves it: whole when the batch added the
 * artifact, otherwise only the columns the batch changed (the others null, which the write leaves as they are: no
 * step of a restore ever empties a column).
 */
final class ArtifactRow {

    final String sessionId;
    final String id;
    long addedSequence;
    String restorePointId;
    OffsetDateTime restorePointExpiresAt;
    String mailboxId;
    String destinationType;
    String status;
    OffsetDateTime createdDateTime;
    OffsetDateTime startDateTime;
    OffsetDateTime completionDateTime;
    String errorCode;
    String errorMessage;
    String restoredFolderId;
    String restoredFolderName;
    Integer restoredItemCount;
    String searchResponseId;

    ArtifactRow(String sessionId, String id) {
        this.sessionId = sessionId;
        this.id = id;
    }
}
