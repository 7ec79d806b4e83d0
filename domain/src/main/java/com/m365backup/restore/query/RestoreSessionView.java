package com.m365backup.restore.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.caller.IdentitySet;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's exchangeRestoreSession, as the read side shows it (spec/api.md, Resources). {@code version} is the
 * sequence number of the last event shown, the entity's etag.
 */
@JsonPropertyOrder({"@odata.type", "@odata.etag", "id"})
public record RestoreSessionView(
        String id,
        @JsonIgnore String tenantId,
        @JsonIgnore long version,
        String status,
        IdentitySet createdBy,
        OffsetDateTime createdDateTime,
        IdentitySet lastModifiedBy,
        OffsetDateTime lastModifiedDateTime,
        OffsetDateTime completedDateTime,
        PublicError error,
        String restoreJobType,
        ArtifactCount restoreSessionArtifactCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MailboxRestoreArtifactView> mailboxRestoreArtifacts) {

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.exchangeRestoreSession";
    }

    @JsonProperty("@odata.etag")
    public String etag() {
        return "W/\"" + version + "\"";
    }
}
