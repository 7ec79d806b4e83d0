package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.domain.query.SearchRestorePoints;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code restorePoints/search} once read (docs/api.md, Resources: restorePoint): the protection units,
 * the window of Graph's {@code protectionTimePeriod}, the optional {@code restorePointPreference} and
 * {@code tags}, and the {@code artifactQuery} of a granular search as sent (null when there is none), read by
 * {@link ArtifactQueryReader}.
 */
record RestorePointSearchRequest(
        List<String> protectionUnitIds,
        Instant from,
        Instant to,
        SearchRestorePoints.Preference preference,
        String tag,
        JsonNode artifactQuery) {

    RestorePointSearchRequest {
        protectionUnitIds = List.copyOf(protectionUnitIds);
    }

    SearchRestorePoints in(String tenantId) {
        return new SearchRestorePoints(tenantId, protectionUnitIds, from, to, preference, tag);
    }
}
