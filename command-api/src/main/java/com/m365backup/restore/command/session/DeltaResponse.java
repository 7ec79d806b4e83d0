package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The answer of a delta PATCH: the shown outcomes, in request order (docs/api.md, PATCH per-item outcomes), and
 * whether the read side showed the changes in time (200) or not yet (202: they are stored, a GET will show them).
 */
record DeltaResponse(@JsonProperty(DeltaRequestReader.DELTA) List<DeltaResult> results, @JsonIgnore boolean shown) {

    DeltaResponse {
        results = List.copyOf(results);
    }
}
