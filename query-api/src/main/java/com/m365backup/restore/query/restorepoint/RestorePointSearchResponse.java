package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.domain.query.RestorePointView;

import java.util.List;

/**
 * Graph's restorePointSearchResponse: the restore points found, newest first, and the protection units for which
 * none was found.
 */
@JsonPropertyOrder({"@odata.context", "searchResponseId", "searchResults", "noResultProtectionUnitIds"})
record RestorePointSearchResponse(
        @JsonProperty("@odata.context") String context,
        String searchResponseId,
        List<Result> searchResults,
        List<String> noResultProtectionUnitIds) {

    /**
     * Graph's restorePointSearchResult.
     *
     * @param artifactHitCount the messages a granular search found in the restore point's mailbox; absent from a
     *                         search without an artifactQuery
     */
    @JsonPropertyOrder({"artifactHitCount", "restorePoint"})
    record Result(RestorePointView restorePoint,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer artifactHitCount) {
    }
}
