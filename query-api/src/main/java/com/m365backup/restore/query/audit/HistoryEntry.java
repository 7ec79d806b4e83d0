package com.m365backup.restore.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.domain.caller.IdentitySet;

import java.time.OffsetDateTime;

/** One change of a session as an auditor reads it: what happened, when, caused by whom, in which request. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEntry(
        long sequenceNumber,
        String eventType,
        int revision,
        OffsetDateTime occurredDateTime,
        IdentitySet who,
        String clientRequestId,
        String requestId,
        JsonNode payload) {
}
