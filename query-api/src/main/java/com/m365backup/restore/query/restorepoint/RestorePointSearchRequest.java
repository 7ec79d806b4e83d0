package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code restorePoints/search}, in Graph's property names (spec/api.md, Resources: restorePoint). */
record RestorePointSearchRequest(
        List<String> protectionUnitIds,
        TimePeriod protectionTimePeriod,
        String restorePointPreference,
        String tags,
        JsonNode artifactQuery) {

    /** Graph's timePeriod. */
    record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {
    }
}
