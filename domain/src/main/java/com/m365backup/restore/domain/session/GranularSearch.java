package com.m365backup.restore.domain.session;

import java.time.Instant;
import java.util.List;

/**
 * A granular search as the service kept it (docs/api.md, Granular restore): the query, the restore points of the one
 * protection unit it was made for, and until when its {@code searchResponseId} may be used.
 */
public record GranularSearch(
        String searchResponseId,
        String protectionUnitId,
        List<String> restorePointIds,
        ArtifactQuery query,
        Instant expiresAt) {

    public GranularSearch {
        restorePointIds = List.copyOf(restorePointIds);
    }
}
