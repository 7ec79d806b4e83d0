package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The body of a bulk addition request as bound (docs/api.md, Bulk addition requests). A property is a
 * {@link JsonNode}, present or absent (null), because a value of any JSON type is answered by its own check, in the
 * reader's order, after the properties that cannot be set; Jackson refusing it first would answer another.
 */
final class BulkAdditionBody {

    private BulkAdditionBody() {
    }

    /** The mailboxRestoreArtifactsBulkAdditionRequest; what it does not declare is collected in {@code undeclared}. */
    record Request(@JsonProperty("displayName") JsonNode displayName,
                   @JsonProperty("mailboxes") JsonNode mailboxes,
                   @JsonProperty("directoryObjectIds") JsonNode directoryObjectIds,
                   @JsonProperty("protectionTimePeriod") JsonNode protectionTimePeriod,
                   @JsonProperty("destinationType") JsonNode destinationType,
                   @JsonProperty("restorePointPreference") JsonNode restorePointPreference,
                   @JsonProperty("tags") JsonNode tags,
                   @JsonAnySetter Map<String, JsonNode> undeclared) {
    }

    /** The window to pick restore points in; Graph's timePeriod has no other property the service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Period(@JsonProperty("startDateTime") JsonNode startDateTime,
                  @JsonProperty("endDateTime") JsonNode endDateTime) {
    }
}
