package com.m365backup.restore.engine;

import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;

import java.util.Optional;

/**
 * A catalog for the engine's tests: every restore point exists, protects a mailbox named like itself and never
 * expires, so that a test steers the restorer by the ids it picks.
 */
class AnyRestorePoint implements RestorePointCatalog {

    @Override
    public Optional<RestorePoint> find(String tenantId, String restorePointId) {
        return Optional.of(new RestorePoint(restorePointId, restorePointId, null));
    }
}
