package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;

/**
 * Graph's restorePoint from the catalog (docs/api.md, Resources): {@code protectionUnit} is shown only when it was
 * asked for ({@code $expand=protectionUnit}, and in search results).
 */
@JsonPropertyOrder({"@odata.type", "id", "protectionDateTime", "expirationDateTime", "tags", "protectionUnit"})
public record RestorePointView(
        String id,
        OffsetDateTime protectionDateTime,
        OffsetDateTime expirationDateTime,
        String tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) MailboxProtectionUnitView protectionUnit) {

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.restorePoint";
    }

    /** The same restore point without its protection unit, as it reads when that was not asked for. */
    public RestorePointView withoutProtectionUnit() {
        return new RestorePointView(id, protectionDateTime, expirationDateTime, tags, null);
    }
}
