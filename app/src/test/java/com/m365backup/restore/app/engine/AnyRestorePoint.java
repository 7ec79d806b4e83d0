package com.m365backup.restore.app.engine;

import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A catalog for the engine's tests: every restore point exists, protects a mailbox named like itself and never
 * expires, so that a test steers the restorer by the ids it picks.
 */
class AnyRestorePoint implements RestorePointCatalog {

    @Override
    public Optional<RestorePoint> find(String tenantId, String restorePointId) {
        return Optional.of(new RestorePoint(restorePointId, restorePointId, null));
    }

    @Override
    public Map<String, RestorePoint> findAll(String tenantId, Collection<String> restorePointIds) {
        return restorePointIds.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), id -> new RestorePoint(id, id, null)));
    }
}
