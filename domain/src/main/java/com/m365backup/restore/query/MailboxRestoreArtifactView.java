package com.m365backup.restore.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;

/** Graph's mailboxRestoreArtifact, as the read side shows it (spec/api.md, Resources). */
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer restoredItemCount) {

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.mailboxRestoreArtifact";
    }
}
