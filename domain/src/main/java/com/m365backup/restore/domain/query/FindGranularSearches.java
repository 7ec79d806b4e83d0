package com.m365backup.restore.domain.query;

import java.util.List;

/**
 * Asks for the granular searches of a tenant that the ids name, as the service kept them (docs/api.md, Granular
 * restore); answers a {@code List<GranularSearch>} of those the tenant has, expired ones included (the session
 * decides what an expired one means).
 */
public record FindGranularSearches(String tenantId, List<String> searchResponseIds) {

    public FindGranularSearches {
        searchResponseIds = List.copyOf(searchResponseIds);
    }
}
