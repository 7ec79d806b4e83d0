package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The 200 answer of a delta PATCH: the shown outcomes, in request order (spec/api.md, PATCH per-item outcomes). */
record DeltaResponse(@JsonProperty(DeltaRequestReader.DELTA) List<DeltaResult> results) {

    DeltaResponse {
        results = List.copyOf(results);
    }
}
