package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;

/** An artifact's restore point, expanded as Graph lists it: id, and the times when they are known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestorePointReference(
        String id,
        @JsonProperty("protectionDateTime") OffsetDateTime protectionDateTime,
        @JsonProperty("expirationDateTime") OffsetDateTime expirationDateTime) {
}
