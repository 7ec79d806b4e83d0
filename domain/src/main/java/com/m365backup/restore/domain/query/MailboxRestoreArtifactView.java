package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;

/**
 * Graph's mailboxRestoreArtifact, as the read side shows it (docs/api.md, Resources); with a
 * {@code searchResponseId}, Graph's granularMailboxRestoreArtifact (docs/api.md, Granular restore).
 */
@JsonPropertyOrder({"@odata.type", "id"})
public record MailboxRestoreArtifactView(
        String id,
        @JsonIgnore String sessionId,
        RestorePointReference restorePoint,
        String destinationType,
        String status,
        OffsetDateTime createdDateTime,
        OffsetDateTime startDateTime,
        OffsetDateTime completionDateTime,
        PublicError error,
        String restoredFolderId,
        String restoredFolderName,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer restoredItemCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) String searchResponseId) {

    /** A mailbox restore artifact (not a granular one). */
    public MailboxRestoreArtifactView(String id, String sessionId, RestorePointReference restorePoint,
                                      String destinationType, String status, OffsetDateTime createdDateTime,
                                      OffsetDateTime startDateTime, OffsetDateTime completionDateTime,
                                      PublicError error, String restoredFolderId, String restoredFolderName,
                                      Integer restoredItemCount) {
        this(id, sessionId, restorePoint, destinationType, status, createdDateTime, startDateTime, completionDateTime,
                error, restoredFolderId, restoredFolderName, restoredItemCount, null);
    }

    @JsonProperty("@odata.type")
    public String odataType() {
        return granular() ? "#microsoft.graph.granularMailboxRestoreArtifact"
                : "#microsoft.graph.mailboxRestoreArtifact";
    }

    /** Whether it restores the messages of a search rather than its whole mailbox. */
    @JsonIgnore
    public boolean granular() {
        return searchResponseId != null;
    }
}
