package com.m365backup.restore.domain.query;

import java.util.List;

/**
 * Asks the restore point catalog for several restore points of a tenant at once (the adds of one write), ids compared
 * exactly as given; answers a {@code List<RestorePointView>} of those it holds, in no particular order.
 */
public record FindRestorePoints(String tenantId, List<String> restorePointIds) {

    public FindRestorePoints {
        restorePointIds = List.copyOf(restorePointIds);
    }
}
