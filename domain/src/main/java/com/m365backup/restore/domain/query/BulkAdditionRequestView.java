package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.domain.caller.IdentitySet;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's mailboxRestoreArtifactsBulkAdditionRequest, as the read side shows it (docs/api.md, Bulk addition
 * requests). A list shows each without {@code mailboxes} (null here), as Graph's does; {@code error} names the
 * mailboxes activation could not resolve.
 */
@JsonPropertyOrder({"@odata.type", "id", "displayName", "destinationType", "protectionTimePeriod",
        "restorePointPreference", "tags", "status", "error", "mailboxes", "directoryObjectIds", "protectionUnitIds",
        "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime"})
public record BulkAdditionRequestView(
        String id,
        @JsonIgnore String sessionId,
        String displayName,
        String destinationType,
        TimePeriodView protectionTimePeriod,
        String restorePointPreference,
        String tags,
        String status,
        PublicError error,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> mailboxes,
        List<String> directoryObjectIds,
        IdentitySet createdBy,
        OffsetDateTime createdDateTime,
        IdentitySet lastModifiedBy,
        OffsetDateTime lastModifiedDateTime) {

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest";
    }

    /** Graph's base type declares the units a request resolved to; this service names mailboxes, not units. */
    @JsonProperty("protectionUnitIds")
    public List<String> protectionUnitIds() {
        return null;
    }
}
