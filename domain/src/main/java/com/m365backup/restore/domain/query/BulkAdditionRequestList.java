package com.m365backup.restore.domain.query;

import java.util.List;

/** The bulk addition requests of a session; {@code sessionFound} is false when the tenant has no such session. */
public record BulkAdditionRequestList(boolean sessionFound, List<BulkAdditionRequestView> requests) {

    public BulkAdditionRequestList {
        requests = List.copyOf(requests);
    }
}
